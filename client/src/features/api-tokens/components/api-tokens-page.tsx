import { CurlExample } from '../../../components/curl-example';
import { Page } from '../../../components/layout/page';
import { CreateTokenSection } from './create-token-section';
import { TokenList } from './token-list';

export function ApiTokensPage() {
  return (
    <Page
      title="My API tokens"
      lead="Scripts can call the API with a token instead of your password, for example to download data every night. A token can do what you can do with your role, until you revoke it."
    >
      <CreateTokenSection />
      <section className="section" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        <TokenList />
      </section>
      <section className="section prose" aria-labelledby="tokens-use-heading">
        <h2 id="tokens-use-heading">Using a token</h2>
        <p>Send the token in the Authorization header of each request, for example with curl:</p>
        <CurlExample />
        <p>
          The API is described at <a href="/api/docs">/api/docs</a>. Keep tokens out of shared files and revoke a token
          as soon as a script no longer needs it.
        </p>
      </section>
    </Page>
  );
}
