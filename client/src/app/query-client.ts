import type { QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../features/auth/api/get-me';
import { createQueryClient, isSessionOutdated } from '../lib/query-client';

/** Asking "who is signed in?" again lets the protected layout send the person to the sign-in page (and back afterwards). */
function checkSignedIn(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: meQueryKey });
}

/** The application's query cache: when any request finds the session ended, it checks who is signed in. */
export function createAppQueryClient() {
  return createQueryClient({ onSessionOutdated: checkSignedIn });
}

/**
 * The same check for a request made outside TanStack Query (the reply's autosave calls the API
 * itself), which the query cache never sees fail.
 */
export function reportRequestFailure(client: QueryClient, error: unknown): void {
  if (isSessionOutdated(error)) checkSignedIn(client);
}
