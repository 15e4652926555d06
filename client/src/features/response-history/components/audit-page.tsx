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
import { Pager, pageParam } from './pager';
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

function Audit({ response }: { response: ResponseTarget }) {
  const [search, setSearch] = useSearchParams();
  const audit = useAudit(response, pageParam(search.get('page')));
  if (audit.isError && isApiError(audit.error) && audit.error.status === 404) {
    return <EmptyState title="Not found">There is no such questionnaire version or member state, or its reply is not yours to read.</EmptyState>;
  }
  const view = queryView(audit, { loading: 'Loading the audit…', errorTitle: 'The audit could not be loaded' });
  if ('element' in view) return view.element;
  const { items, page, totalPages, totalItems } = view.data;
  if (totalItems === 0) return <EmptyState title="No changes yet">Nothing has been saved in this reply so far.</EmptyState>;
  return (
    <>
      <p role="status" className="history-summary">
        {totalItems === 1 ? '1 change' : `${totalItems} changes`}
        {totalPages > 1 ? ` · page ${page} of ${totalPages}` : ''}.
      </p>
      <div className="table-wrap">
        <table className="table audit-table">
          <caption className="visually-hidden">Changes of the reply, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Question</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {items.map((line, index) => (
              <AuditRow key={`${line.revision}-${index}`} line={line} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} totalPages={totalPages} label="Audit pages" onPage={(next) => setSearch({ page: String(next) })} />
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
