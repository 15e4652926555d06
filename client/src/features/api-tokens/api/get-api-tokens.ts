import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One of my API tokens, without its secret (which is shown only when it is created). */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function getApiTokens({ signal }: { signal?: AbortSignal } = {}): Promise<ApiToken[]> {
  return api.get<ApiToken[]>('/api/tokens', { signal });
}

export const apiTokensQueryKey = ['api-tokens'] as const;

export function getApiTokensQueryOptions() {
  return queryOptions({
    queryKey: apiTokensQueryKey,
    queryFn: ({ signal }) => getApiTokens({ signal }),
  });
}

export function useApiTokens() {
  return useQuery(getApiTokensQueryOptions());
}
