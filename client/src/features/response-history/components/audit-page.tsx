import { useSearchParams } from 'react-router';
import type { ResponseTarget } from '../../../api/response-keys';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date';
import { auditCsvHref, useAudit, type AuditLine } from '../api/get-audit';
import { HistoryFrame } from './history-frame';
import { DataTable } from '../../../components/data-table';
import { KINDS } from './revision-item';

/** Every change of a reply, newest first, and the same as a CSV file. */
export function AuditPage(response: ResponseTarget) {
  const { surveyId, version, state } = response;
  return (
    <HistoryFrame
      response={response}
      what="Audit"
      back={{ href: paths.responseHistory.getHref(surveyId, version, state), label: 'Back to the history' }}
      lead={(stateName) =>
        `Every change of ${stateName}'s reply, newest first: the revision, who made it and when, the question, and the answer before and after. Status changes are listed too.`
      }
    >
      <div className="toolbar">
        <a className="button button--secondary" href={auditCsvHref(response)} download>
          Download the audit (CSV)
        </a>
      </div>
      <Audit response={response} />
    </HistoryFrame>
  );
}

const COLUMNS = ['Revision', 'When', 'Who', 'Question', 'Before', 'After'];

/** A `before` query value as a revision number; anything else is the newest page. */
function beforeParam(raw: string | null): number | null {
  return raw !== null && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}

function Audit({ response }: { response: ResponseTarget }) {
  const [search, setSearch] = useSearchParams();
  const before = beforeParam(search.get('before'));
  const audit = useAudit(response, before);
  if (audit.isError && isApiError(audit.error) && audit.error.status === 404) {
    return <EmptyState title="Not found">There is no such questionnaire version or member state, or its reply is not yours to read.</EmptyState>;
  }
  const view = queryView(audit, { loading: 'Loading the audit…', errorTitle: 'The audit could not be loaded' });
  if ('element' in view) return view.element;
  const { items, totalRevisions, newestRevision, nextBefore } = view.data;
  if (totalRevisions === 0) return <EmptyState title="No changes yet">Nothing has been saved in this reply so far.</EmptyState>;
  // Revisions are numbered 1, 2, 3 … without gaps, so the page's range follows from its bounds.
  const highest = Math.min(before === null ? newestRevision : before - 1, newestRevision);
  const lowest = nextBefore ?? 1;
  return (
    <>
      <p role="status" className="history-summary">
        {highest === lowest ? `Revision ${lowest}` : `Revisions ${highest}–${lowest}`} of {totalRevisions}: {items.length === 1 ? '1 change' : `${items.length} changes`}.
      </p>
      <DataTable columns={COLUMNS} caption="Changes of the reply, newest first" className="audit-table" actions={false}>
        {items.map((line, index) => (
          <AuditRow key={`${line.revision}-${index}`} line={line} />
        ))}
      </DataTable>
      {(before !== null || nextBefore !== null) && (
        <nav className="pager" aria-label="Audit pages">
          <button type="button" className="button button--secondary button--small" disabled={before === null} onClick={() => setSearch({})}>
            Newest
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={nextBefore === null}
            onClick={() => nextBefore !== null && setSearch({ before: String(nextBefore) })}
          >
            Older
          </button>
        </nav>
      )}
    </>
  );
}

function AuditRow({ line }: { line: AuditLine }) {
  const statusChange = line.question === null;
  return (
    <tr className={statusChange ? 'audit-table__status-change' : undefined}>
      <td>
        {line.revision}
        <span className="audit-table__kind">{KINDS[line.kind]}</span>
      </td>
      <td>
        <time dateTime={line.at}>{formatDateTime(line.at)}</time>
      </td>
      <td>{line.author}</td>
      <td>
        {statusChange ? (
          'Status'
        ) : (
          <>
            <span className="audit-table__title">{line.questionTitle}</span>
            {line.part && <span className="audit-table__part">{line.part}</span>}
            <code className="audit-table__name">{line.question}</code>
          </>
        )}
      </td>
      <td>{statusChange ? <StatusOrNone status={line.old} /> : <Value text={line.old} />}</td>
      <td>{statusChange ? <StatusOrNone status={line.new} /> : <Value text={line.new} />}</td>
    </tr>
  );
}

function StatusOrNone({ status }: { status: string | null }) {
  if (status === 'draft' || status === 'submitted' || status === 'returned' || status === 'accepted') return <StatusBadge status={status} />;
  return <Value text={status} />;
}

function Value({ text }: { text: string | null }) {
  if (text !== null) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">no answer</span>
    </>
  );
}
