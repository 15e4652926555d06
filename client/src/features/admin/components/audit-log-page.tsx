import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { SelectField } from '../../../components/form/field';
import { readText } from '../../../components/form/read-text';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format-date';
import { auditCsvHref, useAuditEvents, type AuditEvent } from '../api/get-audit-events';
import { AUDIT_ACTION_GROUPS, auditActionLabel } from './audit-actions';
import { BreakableText } from './breakable-text';

export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const action = searchParams.get('action')?.trim() || undefined;

  function applyFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = readText(event.currentTarget, 'action').trim();
    setSearchParams(chosen ? { action: chosen } : {});
  }

  return (
    <Page
      title="Audit log"
      lead="Who did what, and when: sign-ins (failed ones too), invitations, role changes, API tokens and downloads. Newest first."
    >
      <div className="toolbar">
        <ActionFilter key={action ?? ''} action={action} onSubmit={applyFilter} />
        <a className="button button--secondary" href={auditCsvHref({ action })} download>
          Download CSV{action ? ' of these events' : ''}
        </a>
      </div>
      <AuditTable action={action} />
    </Page>
  );
}

function ActionFilter({ action, onSubmit }: { action: string | undefined; onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
  const unknown = action !== undefined && auditActionLabel(action) === null;
  return (
    <form className="form filter-form" role="search" aria-label="Filter the audit log" onSubmit={onSubmit}>
      <SelectField label="Action" name="action" defaultValue={action ?? ''}>
        <option value="">Every action</option>
        {unknown && <option value={action}>{action}</option>}
        {AUDIT_ACTION_GROUPS.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.actions.map(([code, label]) => (
              <option key={code} value={code}>
                {label} ({code})
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          Show
        </button>
        {action && <Link to={paths.auditLog.getHref()}>Show every action</Link>}
      </div>
    </form>
  );
}

function AuditTable({ action }: { action: string | undefined }) {
  const events = useAuditEvents({ action });

  const view = queryView(events, {
    loading: 'Loading the audit log…',
    errorTitle: 'The audit log could not be loaded',
  });
  if ('element' in view) return view.element;
  const rows = view.data.pages.flat();
  if (rows.length === 0) {
    return (
      <EmptyState title="No events">
        {action ? `Nothing has been recorded with the action “${action}”.` : 'Nothing has been recorded yet.'}
      </EmptyState>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{action ? `Audit events with the action ${action}` : 'Audit events'}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((event) => (
              <AuditRow key={event.id} event={event} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="load-more">
        {events.hasNextPage ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void events.fetchNextPage()}
            disabled={events.isFetchingNextPage}
          >
            {events.isFetchingNextPage ? 'Loading older events…' : 'Load older events'}
          </button>
        ) : (
          <p className="muted">That is the oldest event{action ? ' with this action' : ''}.</p>
        )}
        {events.isFetchNextPageError && (
          <p className="field__error" role="alert">
            The older events could not be loaded. Try again.
          </p>
        )}
      </div>
    </>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const details = describeDetails(event.details);
  return (
    <tr>
      <td>
        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
      </td>
      <td>{event.actorEmail ? <BreakableText text={event.actorEmail} /> : <span className="muted">nobody signed in</span>}</td>
      <td>
        <code>{event.action}</code>
        {details && <span className="table__note table__details">{details}</span>}
      </td>
      <td>{event.target ? <BreakableText text={event.target} /> : '—'}</td>
      <td>{event.ip ?? '—'}</td>
    </tr>
  );
}

/** `reason: wrong_password; role: delegate`, nested values as JSON. */
function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}
