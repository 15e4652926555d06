import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../lib/api-client';
import type { SignedIn } from '../../../types/api';
import { meQueryKey } from './get-me';

/** Why nobody is signed in any more, when they chose it: said on the sign-in page. */
const signOutNoticeKey = ['auth', 'sign-out-notice'] as const;

/** After sign-in, invitation acceptance or a password change: the session's person and CSRF token. */
export function storeSession(queryClient: QueryClient, signedIn: SignedIn): void {
  setCsrfToken(signedIn.csrfToken);
  queryClient.setQueryData(signOutNoticeKey, null);
  queryClient.setQueryData(meQueryKey, signedIn.user);
}

/**
 * After signing out: nobody is signed in, and nothing of the previous person's data stays in
 * memory for whoever uses the browser next.
 */
export function clearSession(queryClient: QueryClient, notice: string): void {
  setCsrfToken(null);
  queryClient.setQueryData(signOutNoticeKey, notice);
  queryClient.setQueryData(meQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

/** The notice of a sign-out the person chose; null when the session ended by itself (or never was). */
export function getSignOutNotice(queryClient: QueryClient): string | null {
  return queryClient.getQueryData<string | null>(signOutNoticeKey) ?? null;
}
