import { useId } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { queryView } from '../../../components/feedback/query-view';
import { ResponseProgress } from '../../../components/response-progress';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format-date';
import type { ResponseSummary, SurveyVersionSummary } from '../../../types/api';
import { useResponses } from '../api/get-responses';
import './version-replies.css';

const COLUMNS = ['Member state', 'Status', 'Progress', 'Last change'];

interface VersionRepliesProps {
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
}

/** Every member state's reply to one version, each a way into it: for those who read all states' replies. */
export function VersionReplies({ surveyId, surveyTitle, version }: VersionRepliesProps) {
  const headingId = useId();
  return (
    <section className="version-replies" aria-labelledby={headingId}>
      <h3 id={headingId} className="version-replies__title">
        Replies
        <span className="visually-hidden">
          {' '}
          to {surveyTitle}, version {version.version}
        </span>
      </h3>
      <ReplyTable surveyId={surveyId} surveyTitle={surveyTitle} version={version} />
    </section>
  );
}

function ReplyTable({ surveyId, surveyTitle, version }: VersionRepliesProps) {
  const responses = useResponses(surveyId, version.version);
  const view = queryView(responses, {
    loading: 'Loading the replies…',
    errorTitle: `The replies to version ${version.version} could not be loaded`,
  });
  if ('element' in view) return view.element;
  // The list has every active member state, replied or not: empty only before any is added.
  if (view.data.length === 0) return <p className="muted">No member state has been added yet, so there are no replies.</p>;
  return (
    <DataTable columns={COLUMNS}>
      {view.data.map((response) => (
        <ReplyRow key={response.memberState} surveyId={surveyId} surveyTitle={surveyTitle} version={version.version} response={response} />
      ))}
    </DataTable>
  );
}

interface ReplyRowProps {
  surveyId: string;
  surveyTitle: string;
  version: number;
  response: ResponseSummary;
}

function ReplyRow({ surveyId, surveyTitle, version, response }: ReplyRowProps) {
  const { memberState, memberStateName, status, progress, updatedAt, updatedBy } = response;
  return (
    <tr>
      <th scope="row">{memberStateName}</th>
      <td>
        <StatusBadge status={status} />
      </td>
      <td>
        <ResponseProgress share={progress} />
      </td>
      <td>
        {updatedAt ? (
          <>
            <time dateTime={updatedAt}>{formatDateTime(updatedAt)}</time>
            {updatedBy && <span className="table__note">by {updatedBy}</span>}
          </>
        ) : (
          <span className="muted">Nothing saved yet</span>
        )}
      </td>
      <td className="table__actions">
        <Link className="button button--secondary button--small" to={paths.response.getHref(surveyId, version, memberState)}>
          Open
          <span className="visually-hidden">
            {' '}
            {memberStateName}’s reply to {surveyTitle}, version {version}
          </span>
        </Link>
      </td>
    </tr>
  );
}
