import { Link } from 'react-router';
import { Page } from '../../components/layout/page';
import { paths } from '../../config/paths';

export function NotFoundPage() {
  return (
    <Page title="Page not found" lead="There is no page at this address. It may have moved, or the link may be mistyped.">
      <p>
        <Link to={paths.home.getHref()}>Go to the start page</Link>
      </p>
    </Page>
  );
}
