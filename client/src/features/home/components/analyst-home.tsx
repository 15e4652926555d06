import { CurlExample } from '../../../components/curl-example';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import { LinkCards } from './link-cards';

export function AnalystHome({ name }: { name: string }) {
  return (
    <Page title={`Welcome, ${name}`} lead="You compare the member states' responses and download the data.">
      <LinkCards
        links={[
          {
            to: paths.questionnaires.getHref(),
            title: 'Questionnaires',
            description: "Every published version of each questionnaire, to read its questions and each member state's reply.",
          },
          {
            to: paths.apiTokens.getHref(),
            title: 'My API tokens',
            description: 'Tokens that let your scripts download the data without your password.',
          },
        ]}
      />
      <section className="section prose" aria-labelledby="scripts-heading">
        <h2 id="scripts-heading">Downloading from scripts</h2>
        <p>
          Everything you can download here, a script can download too. Create an API token under “My API tokens”,
          then send it with each request:
        </p>
        <CurlExample />
        <p>
          The token acts with your role. The API is described at <a href="/api/docs">/api/docs</a>.
        </p>
      </section>
    </Page>
  );
}
