import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { User } from '../../../types/api';

/** Someone with an account, as administrators see them. */
export interface Person extends User {
  createdAt: string;
  /** Set while the account is disabled. */
  disabledAt: string | null;
  hasPassword: boolean;
}

export function getPeople({ signal }: { signal?: AbortSignal } = {}): Promise<Person[]> {
  return api.get<Person[]>('/api/users', { signal });
}

export const peopleQueryKey = ['admin', 'people'] as const;

export function getPeopleQueryOptions() {
  return queryOptions({
    queryKey: peopleQueryKey,
    queryFn: ({ signal }) => getPeople({ signal }),
  });
}

export function usePeople() {
  return useQuery(getPeopleQueryOptions());
}
