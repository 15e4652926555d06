import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { Page } from '../../../components/layout/page';
import { useSurveys } from '../../../api/get-surveys';
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

  const view = queryView(surveys, {
    loading: 'Loading questionnaires…',
    errorTitle: 'The questionnaires could not be loaded',
  });
  if ('element' in view) return view.element;
  if (view.data.length === 0) {
    return (
      <EmptyState title="No questionnaires yet">
        Questionnaires appear here as soon as an administrator publishes one.
      </EmptyState>
    );
  }
  return (
    <ul className="card-list">
      {view.data.map((survey) => (
        <li key={survey.id}>
          <SurveyCard survey={survey} />
        </li>
      ))}
    </ul>
  );
}
