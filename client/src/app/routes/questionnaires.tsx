export { QuestionnairesPage as Component } from '../../features/surveys/components/questionnaires-page';
