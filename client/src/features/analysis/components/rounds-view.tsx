import { useId, useMemo } from 'react';
import { useMemberStates } from '../../../api/get-member-states';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import type { SurveyVersionSummary } from '../../../types/api';
import type { AnalysisFilter, ColumnChoice } from '../api/analysis-filter';
import { roundsDownloads } from '../api/download-links';
import { useRounds, type Rounds, type RoundsRef } from '../api/get-rounds';
import { roundName } from '../workbench/resolve-workbench';
import { statusWords } from '../workbench/status-words';
import { DownloadPanel } from './download-panel';
import { RoundsChart } from './rounds-chart';
import { RoundsSummaries } from './rounds-summaries';
import { RoundsTable } from './rounds-table';
import { ScriptExamples } from './script-examples';

interface RoundsViewProps {
  rounds: RoundsRef;
  names: { from: SurveyVersionSummary; to: SurveyVersionSummary };
  columns: ColumnChoice;
  filter: AnalysisFilter;
  /** Whether the signed-in user may add personal data to the files (administrators). */
  mayIncludePersonalData: boolean;
  focus: string | null;
  onFocus: (focus: string) => void;
}

/** Two rounds side by side: each state's answers in both, what changed, and the counts of each round. */
export function RoundsView({ rounds, names, columns, filter, mayIncludePersonalData, focus, onFocus }: RoundsViewProps) {
  const query = useRounds(rounds, columns, filter);
  const memberStates = useMemberStates();
  const headingId = useId();
  const total = useMemo(() => memberStates.data?.filter((state) => state.active).length ?? null, [memberStates.data]);
  // In the publication variant an anonymised state's row carries its alias: no profile to link to.
  const codes = useMemo(() => new Set(memberStates.data?.map((state) => state.code)), [memberStates.data]);
  const view = queryView(query, { loading: 'Loading the two rounds…', errorTitle: 'The two rounds could not be loaded' });
  if ('element' in view) return view.element;
  const data: Rounds = view.data;
  const years = { from: roundName(names.from), to: roundName(names.to) };
  const downloads = roundsDownloads(rounds, columns, filter);
  return (
    <section className="comparison" aria-labelledby={headingId} aria-busy={query.isPlaceholderData || undefined}>
      <h2 id={headingId}>
        {years.from} and {years.to} side by side
      </h2>
      <p className="comparison__description">
        {names.from.title} and {names.to.title}. The {years.from} answers are carried through the questionnaire’s crosswalk, so renamed
        questions pair up and recoded answers read in the {years.to} codes; a changed answer is marked “changed”. Questions asked in one
        round only are shown as dropped or new, never paired.
      </p>
      {query.isPlaceholderData && (
        <p className="muted" role="status">
          Updating the table…
        </p>
      )}
      {data.rows.length === 0 ? (
        <EmptyState title="No counted reply in either round">
          Only {statusWords(filter.statuses)} replies count, and no member state has one in {years.from} or {years.to}. Tick more statuses
          under “Replies that count” to include drafts or returned replies.
        </EmptyState>
      ) : (
        <>
          <RoundsTable rounds={data} years={years} surveyId={rounds.surveyId} isMemberState={(code) => codes.has(code)} />
          <RoundsSummaries rounds={data} years={years} total={total} />
          <RoundsChart rounds={data} years={years} total={total} focus={focus} onFocus={onFocus} />
        </>
      )}
      <DownloadPanel downloads={downloads} offerPersonalData={mayIncludePersonalData && filter.audience === 'analysis'} />
      <ScriptExamples example={downloads[0]!} />
    </section>
  );
}
