import { EmptyState } from '../../../components/feedback/empty-state';
import type { AnalysisFilter } from '../api/analysis-filter';
import type { ResolvedWorkbench } from '../workbench/resolve-workbench';
import { columnChoice, type WorkbenchState } from '../workbench/workbench-state';
import { ComparisonView } from './comparison-view';
import { RoundsView } from './rounds-view';

interface WorkbenchResultProps {
  state: WorkbenchState;
  workbench: ResolvedWorkbench;
  onChange: (next: Partial<WorkbenchState>) => void;
  mayIncludePersonalData: boolean;
}

/** The table, its pictures and its files for what is chosen; or what to choose first. */
export function WorkbenchResult({ state, workbench, onChange, mayIncludePersonalData }: WorkbenchResultProps) {
  const columns = columnChoice(state.selection);
  if (!columns) {
    return (
      <EmptyState title="Choose what to compare">
        Pick a named table of the assessment study, or tick any questions and show them: each member state's answers appear side by
        side, with a chart, a map and the files to download.
      </EmptyState>
    );
  }
  const filter: AnalysisFilter = { statuses: state.statuses, locale: state.locale, audience: state.audience };
  const { survey, rounds } = workbench;
  if (rounds.kind === 'two') {
    return (
      <RoundsView
        rounds={{ surveyId: survey.id, from: rounds.from.version, to: rounds.to.version }}
        names={{ from: rounds.from, to: rounds.to }}
        columns={columns}
        filter={filter}
        mayIncludePersonalData={mayIncludePersonalData}
        focus={state.focus}
        onFocus={(focus) => onChange({ focus })}
      />
    );
  }
  return (
    <ComparisonView
      version={{ surveyId: survey.id, version: rounds.version.version }}
      columns={columns}
      filter={filter}
      mayIncludePersonalData={mayIncludePersonalData}
      transposed={state.transposed}
      focus={state.focus}
      onTranspose={(transposed) => onChange({ transposed })}
      onFocus={(focus) => onChange({ focus })}
    />
  );
}
