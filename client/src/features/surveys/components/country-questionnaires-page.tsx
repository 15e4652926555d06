import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { Page } from '../../../components/layout/page';
import type { Survey } from '../../../types/api';
import { useMemberStateName } from '../../../api/get-member-states';
import { useSurveys } from '../../../api/get-surveys';
import { CountryQuestionnaireList, type CountryQuestionnaire } from './country-questionnaire-list';

/** A delegate's start page: the questionnaire versions their member state is asked to answer, and its replies. */
export function CountryQuestionnairesPage({ memberState }: { memberState: string | null }) {
  const stateName = useMemberStateName(memberState);
  return (
    <Page
      title="Your member state's questionnaires"
      lead={`The questionnaires ${stateName ? `for ${stateName}` : 'of your member state'}, open rounds first, each with your member state's reply: its status, how much is answered and the last change.`}
    >
      <Questionnaires memberState={memberState} />
    </Page>
  );
}

function Questionnaires({ memberState }: { memberState: string | null }) {
  const surveys = useSurveys();

  const view = queryView(surveys, {
    loading: 'Loading your questionnaires…',
    errorTitle: 'Your questionnaires could not be loaded',
  });
  if ('element' in view) return view.element;
  const items = toCountryQuestionnaires(view.data);
  if (items.length === 0) {
    return (
      <EmptyState title="No questionnaires yet">
        Questionnaires appear here as soon as an administrator publishes one.
      </EmptyState>
    );
  }
  return <CountryQuestionnaireList items={items} memberState={memberState} />;
}

/** One entry per published version: open rounds first, then the newest. */
export function toCountryQuestionnaires(surveys: Survey[]): CountryQuestionnaire[] {
  return surveys
    .flatMap((survey) => survey.versions.map((version) => ({ surveyId: survey.id, surveyTitle: survey.title, version })))
    .sort(
      (a, b) =>
        Number(b.version.status === 'open') - Number(a.version.status === 'open') ||
        b.version.publishedAt.localeCompare(a.version.publishedAt),
    );
}
