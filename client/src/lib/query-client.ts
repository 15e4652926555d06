import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

const MAX_RETRIES = 2;

/**
 * Retry what may pass on a second try (network trouble, 5xx, 429) and nothing the server has
 * refused for good: repeating a 401, 403, 404 or 422 only delays the message the person needs.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/**
 * An answer that means what the client knows about the session is out of date: it has ended
 * (expired, ended by an administrator, signed out in another tab), or a new password is due.
 * A wrong password at sign-in (401 `INVALID_CREDENTIALS`) is not one.
 */
export function isSessionOutdated(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return (error.status === 401 && error.code === 'UNAUTHENTICATED') || (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED');
}

export interface QueryClientOptions {
  /** Called when any request finds the session out of date (see `isSessionOutdated`). */
  onSessionOutdated?: (client: QueryClient) => void;
}

export function createQueryClient({ onSessionOutdated }: QueryClientOptions = {}): QueryClient {
  const report = (error: unknown) => {
    if (onSessionOutdated && isSessionOutdated(error)) onSessionOutdated(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: report }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
