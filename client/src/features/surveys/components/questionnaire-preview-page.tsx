import { Link } from 'react-router';
import { ErrorState } from '../../../components/feedback/error-state';
import { LoadingState } from '../../../components/feedback/loading-state';
import { Page } from '../../../components/layout/page';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { useSurveyVersion } from '../../../api/get-survey-version';
import { QuestionnaireView } from './questionnaire-view';

interface QuestionnairePreviewPageProps {
  surveyId: string;
  version: number;
}

/** A published questionnaire version, read-only: what delegates will be asked. Loaded lazily with SurveyJS. */
export function QuestionnairePreviewPage({ surveyId, version }: QuestionnairePreviewPageProps) {
  const surveyVersion = useSurveyVersion(surveyId, version);
  const backLink = (
    <p className="back-link">
      <Link to={paths.questionnaires.getHref()}>All questionnaires</Link>
    </p>
  );

  if (surveyVersion.isPending) {
    return (
      <Page title={`Version ${version}`} before={backLink}>
        <LoadingState label="Loading the questionnaire…" />
      </Page>
    );
  }
  if (surveyVersion.isError) {
    return (
      <Page title={`Version ${version}`} before={backLink}>
        <ErrorState
          error={surveyVersion.error}
          title="This questionnaire could not be loaded"
          onRetry={() => void surveyVersion.refetch()}
          isRetrying={surveyVersion.isFetching}
        />
      </Page>
    );
  }

  const { title, status, definition } = surveyVersion.data;
  return (
    <Page
      title={title}
      before={backLink}
      aside={<StatusBadge status={status} />}
      lead={`Version ${version}, shown read-only: answers cannot be entered on this page.`}
    >
      <QuestionnaireView definition={definition} />
    </Page>
  );
}
