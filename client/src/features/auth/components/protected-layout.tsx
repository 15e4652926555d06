import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../../components/feedback/error-state';
import { LoadingState } from '../../../components/feedback/loading-state';
import { paths } from '../../../config/paths';
import { useMe } from '../api/get-me';
import { getSignOutNotice } from '../api/session-cache';
import type { SignInNotice } from './sign-in-page';

/**
 * The pages for signed-in people. Someone signed out goes to the sign-in page, which brings them
 * back here afterwards; someone who must choose a new password can do nothing else first.
 */
export function ProtectedLayout() {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = `${location.pathname}${location.search}${location.hash}`;

  if (me.isPending) return <LoadingState label="Checking whether you are signed in…" />;
  if (me.isError) {
    return (
      <ErrorState
        error={me.error}
        title="Your account could not be checked"
        onRetry={() => void me.refetch()}
        isRetrying={me.isFetching}
      />
    );
  }
  if (!me.data) {
    // Someone who chose to sign out is told so, and is not led back here by the next person.
    // (The account menu makes the very same navigation: whichever comes last changes nothing.)
    const notice = getSignOutNotice(queryClient);
    if (notice) return <Navigate to={paths.signIn.getHref()} state={{ notice } satisfies SignInNotice} replace />;
    return <Navigate to={paths.signIn.getHref(here)} replace />;
  }
  if (me.data.mustChangePassword && location.pathname !== paths.changePassword.path) {
    return <Navigate to={paths.changePassword.getHref(here)} replace />;
  }
  return <Outlet />;
}
