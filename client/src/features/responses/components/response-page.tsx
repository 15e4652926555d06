import { useState } from 'react';
import { Link } from 'react-router';
import { useMemberStateName } from '../../../api/get-member-states';
import { ErrorState } from '../../../components/feedback/error-state';
import { LoadingState } from '../../../components/feedback/loading-state';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import { useSignedInUser } from '../../auth/api/get-me';
import { useSurveyVersion } from '../../../api/get-survey-version';
import { useResponse } from '../api/get-response';
import type { ResponseTarget } from '../api/response-target';
import { ResponseEditor } from './response-editor';

/** A member state's reply to a questionnaire version. Loaded lazily with SurveyJS. */
export function ResponsePage({ surveyId, version, state }: ResponseTarget) {
  const user = useSignedInUser();
  const target = { surveyId, version, state };
  const questionnaire = useSurveyVersion(surveyId, version);
  const response = useResponse(target);
  // Until the reply (which names its state) arrives.
  const stateName = useMemberStateName(state);
  const [openedAt] = useState(Date.now);
  const backLink = (
    <p className="back-link">
      <Link to={paths.home.getHref()}>Home</Link>
    </p>
  );

  // The editor starts from answers loaded since the page opened; a later failed refresh (the
  // connection lost) keeps it open.
  if (questionnaire.data && response.data && response.dataUpdatedAt >= openedAt) {
    return (
      <ResponseEditor
        key={`${surveyId}/${version}/${state}/${user.id}`}
        target={target}
        questionnaire={questionnaire.data}
        response={response.data}
        user={user}
      />
    );
  }
  const failed = questionnaire.isError ? questionnaire : response.isError ? response : null;
  if (failed) {
    return (
      <Page title={`Reply of ${stateName}`} before={backLink}>
        <ErrorState
          error={failed.error}
          title="This reply could not be loaded"
          onRetry={() => void failed.refetch()}
          isRetrying={failed.isFetching}
        />
      </Page>
    );
  }
  return (
    <Page title={`Reply of ${stateName}`} before={backLink}>
      <LoadingState label="Loading the reply…" />
    </Page>
  );
}
