import { Link, Outlet } from 'react-router';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import { ROLE_LABELS } from '../../../config/roles';
import type { Role } from '../../../types/api';
import { useSignedInUser } from '../api/get-me';

/** Lets only the given roles through to the pages below it; everyone else is told so, kindly. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const user = useSignedInUser();
  if (roles.includes(user.role)) return <Outlet />;
  return (
    <Page
      title="This page is not for your role"
      lead={`It is for ${namesOf(roles)} only. You are signed in as ${user.name}, ${ROLE_LABELS[user.role].toLowerCase()}.`}
    >
      <p>If you need it for your work, ask the survey administrator to change your role.</p>
      <p>
        <Link to={paths.home.getHref()}>Go to your start page</Link>
      </p>
    </Page>
  );
}

/** "administrators", "consultants and administrators" */
function namesOf(roles: readonly Role[]): string {
  return roles.map((role) => `${ROLE_LABELS[role].toLowerCase()}s`).join(' and ');
}
