import { Link } from 'react-router';
import { queryView } from '../../../components/feedback/query-view';
import { ResponseProgress } from '../../../components/response-progress';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format-date';
import type { ResponseStatus, ResponseSummary, SurveyVersionSummary } from '../../../types/api';
import { useResponses } from '../api/get-responses';
import './country-response.css';

interface CountryResponseProps {
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
  memberState: string;
}

/** The member state's reply to one version: where it stands, the last change and who made it, and the way in. */
export function CountryResponse({ surveyId, surveyTitle, version, memberState }: CountryResponseProps) {
  const responses = useResponses(surveyId, version.version);
  const view = queryView(responses, {
    loading: 'Loading your reply…',
    errorTitle: 'Your reply could not be loaded',
  });
  if ('element' in view) return view.element;
  const response = view.data.find((row) => row.memberState === memberState);
  // The list leaves out only an inactive member state that never replied: it gets no new replies.
  if (!response) {
    return (
      <div className="country-response">
        <div className="country-response__state">
          <StatusBadge status="not_started" />
        </div>
        <p className="country-response__detail">
          Your member state is inactive, so no reply can be started. An administrator can reactivate it.
        </p>
      </div>
    );
  }
  const action = actionFor(version, response.status);

  return (
    <div className="country-response">
      <div className="country-response__state">
        <StatusBadge status={response.status} />
        <ResponseProgress share={response.progress} />
      </div>
      <p className="country-response__detail">
        <LastChange response={response} />
        {response.openComments > 0 && (
          <span>
            {response.openComments} open {response.openComments === 1 ? 'comment' : 'comments'}
          </span>
        )}
      </p>
      <Link className="button country-response__action" to={paths.response.getHref(surveyId, version.version, memberState)}>
        {action}
        <span className="visually-hidden">
          {' '}
          your reply to {surveyTitle}, version {version.version}
        </span>
      </Link>
    </div>
  );
}

function LastChange({ response }: { response: ResponseSummary }) {
  if (!response.updatedAt) return <span>Nothing saved yet</span>;
  return (
    <span>
      Last change <time dateTime={response.updatedAt}>{formatDateTime(response.updatedAt)}</time>
      {response.updatedBy && ` by ${response.updatedBy}`}
    </span>
  );
}

/** What the delegate can do with the reply: a closed round, or one under review, can only be read. */
function actionFor(version: SurveyVersionSummary, status: ResponseStatus): string {
  if (version.status === 'closed') return 'View';
  switch (status) {
    case 'not_started':
      return 'Fill in';
    case 'draft':
    case 'returned':
      return 'Continue';
    case 'submitted':
    case 'accepted':
      return 'View';
  }
}
