import { EmptyState } from '../../../components/feedback/empty-state';
import { ErrorState } from '../../../components/feedback/error-state';
import { LoadingState } from '../../../components/feedback/loading-state';
import { Page } from '../../../components/layout/page';
import { useSurveys } from '../api/get-surveys';
import { SurveyCard } from './survey-card';

export function QuestionnairesPage() {
  return (
    <Page title="Questionnaires" lead="Every published version of each questionnaire. Open a version to read its questions.">
      <SurveyList />
    </Page>
  );
}

function SurveyList() {
  const surveys = useSurveys();

  if (surveys.isPending) return <LoadingState label="Loading questionnaires…" />;
  if (surveys.isError) {
    return (
      <ErrorState
        error={surveys.error}
        title="The questionnaires could not be loaded"
        onRetry={() => void surveys.refetch()}
        isRetrying={surveys.isFetching}
      />
    );
  }
  if (surveys.data.length === 0) {
    return (
      <EmptyState title="No questionnaires yet">
        Questionnaires appear here as soon as an administrator publishes one.
      </EmptyState>
    );
  }
  return (
    <ul className="card-list">
      {surveys.data.map((survey) => (
        <li key={survey.id}>
          <SurveyCard survey={survey} />
        </li>
      ))}
    </ul>
  );
}
