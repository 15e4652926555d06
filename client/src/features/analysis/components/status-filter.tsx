import { useId } from 'react';
import { COUNTABLE_STATUSES, type CountableStatus } from '../api/analysis-filter';
import { statusWords } from '../workbench/status-words';

const LABELS: Record<CountableStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned',
  accepted: 'Accepted',
};

interface StatusFilterProps {
  statuses: readonly CountableStatus[];
  onChange: (statuses: readonly CountableStatus[]) => void;
}

/** Which replies count. At least one status always does: the last one ticked cannot be unticked. */
export function StatusFilter({ statuses, onChange }: StatusFilterProps) {
  const hintId = useId();
  const toggle = (status: CountableStatus, on: boolean) =>
    onChange(COUNTABLE_STATUSES.filter((candidate) => (candidate === status ? on : statuses.includes(candidate))));
  return (
    <fieldset className="field status-filter" aria-describedby={hintId}>
      <legend className="field__label">Replies that count</legend>
      <div className="status-filter__choices">
        {COUNTABLE_STATUSES.map((status) => {
          const checked = statuses.includes(status);
          return (
            <label key={status} className="choice">
              <input
                type="checkbox"
                checked={checked}
                disabled={checked && statuses.length === 1}
                onChange={(event) => toggle(status, event.target.checked)}
              />
              {LABELS[status]}
            </label>
          );
        })}
      </div>
      <p id={hintId} className="field__hint">
        Counting {statusWords(statuses)} replies. By default only submitted and accepted replies count.
      </p>
    </fieldset>
  );
}
