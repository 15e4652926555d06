import { lazy, Suspense } from 'react';
import { LoadingState } from '../../components/feedback/loading-state';
import { useSignedInUser } from '../../features/auth/api/get-me';

/**
 * Each role's home is loaded for that role only: this route is also matched for a visitor who is
 * not signed in yet (and sent to the sign-in page), whose first page should not carry the review
 * board or the administration's home (bench/BENCHMARKS.md, Client).
 */
const DelegateHome = lazy(() => import('../../features/surveys/components/country-questionnaires-page').then((module) => ({ default: module.CountryQuestionnairesPage })));
const ConsultantHome = lazy(() => import('../consultant-home').then((module) => ({ default: module.ConsultantHomeWithBoard })));
const AnalystHome = lazy(() => import('../../features/home/components/analyst-home').then((module) => ({ default: module.AnalystHome })));
const AdminHome = lazy(() => import('../../features/home/components/admin-home').then((module) => ({ default: module.AdminHome })));

/** Each role starts where its work is. */
export function Component() {
  return (
    <Suspense fallback={<LoadingState label="Loading the page…" />}>
      <RoleHome />
    </Suspense>
  );
}

function RoleHome() {
  const user = useSignedInUser();
  switch (user.role) {
    case 'delegate':
      return <DelegateHome memberState={user.memberState} />;
    case 'consultant':
      return <ConsultantHome name={user.name} />;
    case 'analyst':
      return <AnalystHome />;
    case 'admin':
      return <AdminHome name={user.name} />;
  }
}
