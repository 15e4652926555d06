import { useState } from 'react';
import { Link } from 'react-router';
import { useMemberStateName } from '../../../api/get-member-states';
import { useSurveyVersion } from '../../../api/get-survey-version';
import type { ResponseTarget } from '../../../api/response-keys';
import { ErrorState } from '../../../components/feedback/error-state';
import { LoadingState } from '../../../components/feedback/loading-state';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import type { User } from '../../../types/api';
import { useResponse } from '../api/get-response';
import { ResponseEditor } from './response-editor';

interface ResponsePageProps {
  target: ResponseTarget;
  user: User;
  /** A request the autosave made failed: the app checks whether the session has ended. */
  onRequestFailed: (error: unknown) => void;
  /** When the navigation to the page began (its loader ran); by default, when the page appeared. */
  openedAt?: number;
}

/** A member state's reply to a questionnaire version. Loaded lazily with SurveyJS. */
export function ResponsePage({ target, user, onRequestFailed, openedAt: navigatedAt }: ResponsePageProps) {
  const { surveyId, version, state } = target;
  const [openedAt] = useState(() => navigatedAt ?? Date.now());
  const questionnaire = useSurveyVersion(surveyId, version);
  const response = useResponse(target, openedAt);
  // Until the reply (which names its state) arrives.
  const stateName = useMemberStateName(state);
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
        onRequestFailed={onRequestFailed}
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
