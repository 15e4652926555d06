import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import { LinkCards } from './link-cards';

export function ConsultantHome({ name }: { name: string }) {
  return (
    <Page title={`Welcome, ${name}`} lead="You review the responses of every member state.">
      <LinkCards
        links={[
          {
            to: paths.questionnaires.getHref(),
            title: 'Questionnaires',
            description: "Every published version of each questionnaire, to read its questions and each member state's reply.",
          },
        ]}
      />
    </Page>
  );
}
