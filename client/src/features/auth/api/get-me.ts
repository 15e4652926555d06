import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../../lib/api-client';
import type { SignedIn, User } from '../../../types/api';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in person, or null when nobody is signed in: a 401 here is an answer, not a failure. */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<User | null> {
  try {
    const signedIn = await api.get<SignedIn>('/api/auth/me', { signal });
    setCsrfToken(signedIn.csrfToken);
    return signedIn.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    // No abort signal: the shell and the protected layout both ask, and a layout re-mounting while
    // the answer is on its way should reuse that request rather than cancel it and ask again.
    queryFn: () => getMe(),
  });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}

/** Below the protected layout someone is always signed in: the person, without the null case. */
export function useSignedInUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser is only for pages behind the protected layout');
  return data;
}
