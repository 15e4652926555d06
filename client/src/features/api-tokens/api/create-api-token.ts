import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiTokensQueryKey } from './get-api-tokens';

export interface CreatedApiToken {
  id: string;
  /** The secret: shown now and never again. */
  token: string;
}

export function createApiToken({ name }: { name: string }): Promise<CreatedApiToken> {
  return api.post<CreatedApiToken>('/api/tokens', { name });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}
