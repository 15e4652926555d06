import { Link, useSearchParams } from 'react-router';
import type { ResponseTarget } from '../../../api/response-keys';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useHistory } from '../api/get-history';
import { HistoryFrame } from './history-frame';
import { Pager, pageParam } from './pager';
import { SessionList } from './session-list';

/** Who worked on a member state's reply, and when: editing sessions, with the review's steps between them. */
export function ResponseHistoryPage(response: ResponseTarget) {
  const { surveyId, version, state } = response;
  return (
    <HistoryFrame
      response={response}
      back={{ href: paths.response.getHref(surveyId, version, state), label: 'Back to the reply' }}
      lead={(stateName) =>
        `The history of ${stateName}'s reply, newest first: who worked on which questions and when, in editing sessions, with each submission and review step between them.`
      }
    >
      <nav className="history-links" aria-label="More about this reply's history">
        <Link className="button button--secondary" to={paths.responseCompare.getHref(surveyId, version, state)}>
          Compare revisions
        </Link>
        <Link className="button button--secondary" to={paths.responseAudit.getHref(surveyId, version, state)}>
          Audit of every change
        </Link>
      </nav>
      <History response={response} />
    </HistoryFrame>
  );
}

function History({ response }: { response: ResponseTarget }) {
  const [search, setSearch] = useSearchParams();
  const page = pageParam(search.get('page'));
  const history = useHistory(response, page);

  if (history.isError && isApiError(history.error) && history.error.status === 404) {
    return (
      <EmptyState title="Not found">
        There is no such questionnaire version or member state, or its reply is not yours to read.
      </EmptyState>
    );
  }
  const view = queryView(history, { loading: 'Loading the history…', errorTitle: 'The history could not be loaded' });
  if ('element' in view) return view.element;
  const data = view.data;
  if (data.totalItems === 0) return <EmptyState title="No revisions yet">Nothing has been saved in this reply so far.</EmptyState>;

  const milestones = data.totalItems - data.totalSessions;
  return (
    <>
      <p className="history-summary" role="status">
        {count(data.totalRevisions, 'revision')} in {count(data.totalSessions, 'editing session')} and {count(milestones, 'status change')}
        {data.totalPages > 1 ? ` · page ${data.page} of ${data.totalPages}` : ''}.
      </p>
      <SessionList response={response} items={data.items} latestRevision={data.latestRevision} />
      <Pager page={data.page} totalPages={data.totalPages} label="History pages" onPage={(next) => setSearch({ page: String(next) })} />
    </>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
