import type { AnalysisFilter } from '../api/analysis-filter';
import type { Comparison } from '../api/get-comparison';
import { statusWords } from '../workbench/status-words';

const STATUS_WORDS: Record<string, string> = {
  not_started: 'not started',
  draft: 'draft',
  submitted: 'submitted',
  returned: 'returned',
  accepted: 'accepted',
};

/** "7 of 11 member states have a submitted or accepted reply. Not counted: Poland (draft), …" */
export function CountedSummary({ comparison, filter }: { comparison: Comparison; filter: AnalysisFilter }) {
  const { counted, activeStates, notCounted, rows } = comparison;
  const anonymised = rows.filter((row) => row.publication === 'anonymised').length;
  const leftOut = counted - rows.length;
  return (
    <div className="counted-summary">
      <p>
        <strong>
          {counted} of {activeStates}
        </strong>{' '}
        active member states have a {statusWords(filter.statuses)} reply to this version.
        {notCounted.length > 0 && (
          <>
            {' '}
            Not counted: {notCounted.map((state) => `${state.memberStateName} (${STATUS_WORDS[state.status] ?? state.status})`).join(', ')}.
          </>
        )}
      </p>
      {comparison.for === 'publication' && (
        <p className="notice">
          For publication: {anonymised === 1 ? '1 state appears' : `${anonymised} states appear`} under an alias,{' '}
          {leftOut === 1 ? '1 state that refused publication is' : `${leftOut} states that refused publication are`} left out of the
          rows, and personal data is out. The counts still include every counted reply.
        </p>
      )}
    </div>
  );
}
