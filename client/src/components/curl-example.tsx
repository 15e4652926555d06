/** How a script sends an API token, with this site's address. */
export function CurlExample() {
  return (
    <pre className="code-block">
      <code>{`curl -H "Authorization: Bearer <your token>" ${window.location.origin}/api/surveys`}</code>
    </pre>
  );
}
