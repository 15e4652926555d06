import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Page } from '../../components/layout/page';
import { NotFoundPage } from './not-found';

/**
 * What a page shows when it cannot be displayed at all — most often a page's code that no longer
 * exists on the server after a new release: reloading fetches the current one.
 */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Page title="This page could not be displayed" lead="Reloading the page usually helps. If it keeps happening, please tell the survey administrator.">
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </Page>
  );
}
