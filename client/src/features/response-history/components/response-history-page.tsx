import { useMemo } from 'react';
import { Link } from 'react-router';
import { useMemberStateName } from '../../../api/get-member-states';
import type { ResponseTarget } from '../../../api/response-keys';
import { EmptyState } from '../../../components/feedback/empty-state';
import { LoadingState } from '../../../components/feedback/loading-state';
import { queryView } from '../../../components/feedback/query-view';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useCatalogue } from '../../../api/get-catalogue';
import { useQuestionnaireTitle } from '../api/get-questionnaire-title';
import { useRevisions } from '../api/get-revisions';
import { labelsByQuestion } from './question-labels';
import { RevisionList } from './revision-list';
import './response-history.css';

/** Who changed what in a member state's reply, and when, question by question. */
export function ResponseHistoryPage(response: ResponseTarget) {
  const { surveyId, version, state } = response;
  const title = useQuestionnaireTitle(surveyId, version);
  const stateName = useMemberStateName(state);
  const heading = `${title.data?.versionTitle ?? `Version ${version}`} · ${stateName}`;
  const backLink = (
    <p className="back-link">
      <Link to={paths.response.getHref(surveyId, version, state)}>Back to the reply</Link>
    </p>
  );
  return (
    <Page
      title={heading}
      before={backLink}
      lead={`${title.data ? `${title.data.surveyTitle}, version ${version}. ` : ''}Every revision of ${stateName}'s reply, newest first: who changed which questions, and when.`}
    >
      <History response={response} />
    </Page>
  );
}

const LOADING = 'Loading the revisions…';

function History({ response }: { response: ResponseTarget }) {
  const revisions = useRevisions(response);
  const catalogue = useCatalogue(response.surveyId, response.version);
  // Without the catalogue the questions are shown by their names: worse, but still the history.
  const labels = useMemo(() => labelsByQuestion(catalogue.data?.variables ?? []), [catalogue.data]);

  if (revisions.isError && isApiError(revisions.error) && revisions.error.status === 404) {
    return (
      <EmptyState title="Not found">
        There is no such questionnaire version or member state, or its reply is not yours to read.
      </EmptyState>
    );
  }
  const view = queryView(revisions, {
    loading: LOADING,
    errorTitle: 'The revisions could not be loaded',
    empty: { title: 'No revisions yet', body: 'Nothing has been saved in this reply so far.' },
  });
  if ('element' in view) return view.element;
  if (catalogue.isPending) return <LoadingState label={LOADING} />;
  return <RevisionList response={response} revisions={view.data} labels={labels} />;
}
