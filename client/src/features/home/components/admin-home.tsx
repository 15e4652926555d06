import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import { LinkCards } from './link-cards';

export function AdminHome({ name }: { name: string }) {
  return (
    <Page title={`Welcome, ${name}`} lead="You invite people and look after the member states and the questionnaires.">
      <LinkCards
        links={[
          {
            to: paths.people.getHref(),
            title: 'People',
            description: 'Invite people by link, change their roles, disable accounts.',
          },
          {
            to: paths.memberStates.getHref(),
            title: 'Member states',
            description: 'Add, rename, deactivate and reactivate member states.',
          },
          {
            to: paths.auditLog.getHref(),
            title: 'Audit log',
            description: 'Sign-ins, invitations, role changes and downloads, with a CSV download.',
          },
          {
            to: paths.review.getHref(),
            title: 'Review board',
            description: "Where every member state's reply to each questionnaire version stands, as the consultant reviews them.",
          },
          {
            to: paths.analysis.getHref(),
            title: 'Analysis',
            description: 'Compare the member states: tables, chart, map, two rounds side by side, and every download.',
          },
          {
            to: paths.questionnaires.getHref(),
            title: 'Questionnaires',
            description: "Publish a new version from its SurveyJS file, open and close rounds, and see each version's replies.",
          },
        ]}
      />
    </Page>
  );
}
