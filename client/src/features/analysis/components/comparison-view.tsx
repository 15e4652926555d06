import { useId } from 'react';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import type { AnalysisFilter, ColumnChoice } from '../api/analysis-filter';
import type { VersionRef } from '../api/analysis-paths';
import { versionDownloads } from '../api/download-links';
import { useComparison, type Comparison } from '../api/get-comparison';
import { comparisonGrid } from '../workbench/comparison-grid';
import { statusWords } from '../workbench/status-words';
import { ComparisonTable } from './comparison-table';
import { CountedSummary } from './counted-summary';
import { DownloadPanel } from './download-panel';
import { FocusSection } from './focus-section';
import { ScriptExamples } from './script-examples';

interface ComparisonViewProps {
  version: VersionRef;
  columns: ColumnChoice;
  filter: AnalysisFilter;
  /** Whether the signed-in user may add personal data to the files (administrators). */
  mayIncludePersonalData: boolean;
  transposed: boolean;
  focus: string | null;
  onTranspose: (transposed: boolean) => void;
  onFocus: (focus: string) => void;
}

/** One version's comparison: the table, a chart and a map of one of its questions, and the files. */
export function ComparisonView({ version, columns, filter, mayIncludePersonalData, transposed, focus, onTranspose, onFocus }: ComparisonViewProps) {
  const comparison = useComparison(version, columns, filter);
  const headingId = useId();
  const view = queryView(comparison, { loading: 'Loading the comparison…', errorTitle: 'The comparison could not be loaded' });
  if ('element' in view) return view.element;
  const data = view.data;
  const title = data.table?.title ?? 'Chosen questions';
  const downloads = versionDownloads(version, columns, filter);
  return (
    <section className="comparison" aria-labelledby={headingId} aria-busy={comparison.isPlaceholderData || undefined}>
      <h2 id={headingId}>{title}</h2>
      {data.table?.description && <p className="comparison__description">{data.table.description}</p>}
      {comparison.isPlaceholderData && (
        <p className="muted" role="status">
          Updating the table…
        </p>
      )}
      <MissingQuestions comparison={data} version={version.version} />
      <CountedSummary comparison={data} filter={filter} />
      {data.counted === 0 ? (
        <EmptyState title="No counted reply yet">
          Only {statusWords(filter.statuses)} replies count, and no member state has one for this version yet. Tick more statuses under
          “Replies that count” to include drafts or returned replies.
        </EmptyState>
      ) : (
        <>
          <div className="comparison__toolbar">
            <button type="button" className="button button--secondary button--small" aria-pressed={transposed} onClick={() => onTranspose(!transposed)}>
              Questions as rows
            </button>
          </div>
          <ComparisonTable
            grid={comparisonGrid(data)}
            caption={`${title}: the answers of each member state`}
            surveyId={version.surveyId}
            transposed={transposed}
          />
          <FocusSection comparison={data} focus={focus} onFocus={onFocus} />
        </>
      )}
      <DownloadPanel downloads={downloads} offerPersonalData={mayIncludePersonalData && filter.audience === 'analysis'} />
      <ScriptExamples example={downloads.find((download) => download.id === 'responses-wide-codes')!} />
    </section>
  );
}

function MissingQuestions({ comparison, version }: { comparison: Comparison; version: number }) {
  const missing = comparison.table?.missingQuestions ?? [];
  if (missing.length === 0) return null;
  return (
    <p className="notice notice--warning">
      Version {version} does not ask {missing.length === 1 ? 'this question' : 'these questions'} of the table, so{' '}
      {missing.length === 1 ? 'it is' : 'they are'} left out: {missing.join(', ')}.
    </p>
  );
}
