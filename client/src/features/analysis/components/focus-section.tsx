import { useId, useMemo } from 'react';
import { useMemberStates } from '../../../api/get-member-states';
import type { Comparison } from '../api/get-comparison';
import { mapModel } from '../map/map-model';
import { chosenFocus, focusOptions, type FocusOption } from '../workbench/focus-options';
import { CountsChart, NumbersChart, type StateNumber } from './focus-charts';
import { RegionMap } from './region-map';

interface FocusSectionProps {
  comparison: Comparison;
  /** The variable in the page's address; null or unknown: the first that can be shown. */
  focus: string | null;
  onFocus: (focus: string) => void;
}

/** One question of the table as a chart and a map. */
export function FocusSection({ comparison, focus, onFocus }: FocusSectionProps) {
  const headingId = useId();
  const selectId = useId();
  const options = useMemo(() => focusOptions(comparison), [comparison]);
  const chosen = chosenFocus(options, focus);
  return (
    <section className="focus" aria-labelledby={headingId}>
      <h3 id={headingId}>Chart and map</h3>
      {chosen ? (
        <>
          <div className="field focus__select">
            <label className="field__label" htmlFor={selectId}>
              Question to chart and map
            </label>
            <select id={selectId} className="select" value={chosen.key} onChange={(event) => onFocus(event.target.value)}>
              {options.map((option) => (
                <option key={option.key} value={option.key}>
                  {option.title}
                </option>
              ))}
            </select>
          </div>
          <div className="focus__pictures">
            <FocusChart comparison={comparison} option={chosen} />
            <FocusMap comparison={comparison} option={chosen} />
          </div>
        </>
      ) : (
        <p className="muted">The table has no question with choices or numbers to chart: its answers are texts or dates.</p>
      )}
    </section>
  );
}

function FocusChart({ comparison, option }: { comparison: Comparison; option: FocusOption }) {
  const values = useMemo(() => (option.kind === 'numbers' ? stateNumbers(comparison, option.key) : []), [comparison, option]);
  if (option.kind === 'counts') return <CountsChart summary={option.summary} total={comparison.activeStates} />;
  return <NumbersChart title={option.title} values={values} total={comparison.activeStates} />;
}

function stateNumbers(comparison: Comparison, key: string): StateNumber[] {
  return comparison.rows.flatMap((row) => {
    const value = row.cells.find((cell) => cell.key === key)?.value;
    return typeof value === 'number' ? [{ name: row.memberStateName, value }] : [];
  });
}

function FocusMap({ comparison, option }: { comparison: Comparison; option: FocusOption }) {
  const memberStates = useMemberStates();
  const names = useMemo(() => new Map((memberStates.data ?? []).map((state) => [state.code, state.name])), [memberStates.data]);
  const model = useMemo(() => mapModel(comparison, option, names), [comparison, option, names]);
  if (!model) {
    return (
      <p className="focus__no-map muted">
        The map colours each state by one answer: choose a single-choice, yes/no or number question to see it. This question lets a
        state tick several answers.
      </p>
    );
  }
  return <RegionMap model={model} />;
}
