import { useId } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import type { Download } from '../api/download-links';

const TOKEN = '<your token>';

/** The same file from R, pandas or the shell, with an API token instead of the session. */
export function ScriptExamples({ example }: { example: Download }) {
  const headingId = useId();
  const url = `${window.location.origin}${example.href}`;
  return (
    <section className="script-examples" aria-labelledby={headingId}>
      <h3 id={headingId}>Use it from R or pandas</h3>
      <p>
        Every link above works from a script with an API token (create one under <Link to={paths.apiTokens.getHref()}>My API tokens</Link>
        ), sent as <code>Authorization: Bearer …</code>. For the wide responses shown here:
      </p>
      <h4 className="script-examples__language">R</h4>
      <pre className="code-block">
        <code>{`responses <- read.csv(url("${url}",\n  headers = c(Authorization = "Bearer ${TOKEN}"), encoding = "UTF-8-BOM"))`}</code>
      </pre>
      <h4 className="script-examples__language">Python (pandas)</h4>
      <pre className="code-block">
        <code>{`import pandas as pd\nresponses = pd.read_csv("${url}",\n    storage_options={"Authorization": "Bearer ${TOKEN}"}, encoding="utf-8-sig")`}</code>
      </pre>
      <h4 className="script-examples__language">Shell</h4>
      <pre className="code-block">
        <code>{`curl -H "Authorization: Bearer ${TOKEN}" -o responses.csv "${url}"`}</code>
      </pre>
    </section>
  );
}
