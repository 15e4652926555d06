import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { Page } from '../../../components/layout/page';
import { useSurveys } from '../../../api/get-surveys';
import { SurveyCard } from './survey-card';

interface QuestionnairesPageProps {
  /** Each version's replies too, one row per member state: for everyone but delegates, who have their home page. */
  showReplies: boolean;
  /** Publish versions, open and close rounds: administrators. */
  manage?: boolean;
}

export function QuestionnairesPage({ showReplies, manage = false }: QuestionnairesPageProps) {
  const lead = manage
    ? "Every published version of each questionnaire, with each member state's reply to it. " +
      'Publish a new version from its SurveyJS file, and open or close a version’s round.'
    : showReplies
      ? "Every published version of each questionnaire, with each member state's reply to it. " +
        'Open a version to read its questions, or a reply to read it.'
      : 'Every published version of each questionnaire. Open a version to read its questions.';
  return (
    <Page title="Questionnaires" lead={lead}>
      <SurveyList showReplies={showReplies} manage={manage} />
    </Page>
  );
}

function SurveyList({ showReplies, manage }: QuestionnairesPageProps) {
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
          <SurveyCard survey={survey} showReplies={showReplies} manage={manage} />
        </li>
      ))}
    </ul>
  );
}
