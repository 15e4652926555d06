import { useMutation, useQueryClient } from '@tanstack/react-query';
import { surveysQueryKey } from '../../../api/get-surveys';
import { api } from '../../../lib/api-client';

/** Publishes a definition as the questionnaire's next version (open at once); 422 INVALID_DEFINITION lists what is wrong. */
export function publishVersion(surveyId: string, definition: unknown): Promise<{ version: number }> {
  return api.post<{ version: number }>(`/api/surveys/${encodeURIComponent(surveyId)}/versions`, { definition });
}

export function usePublishVersion(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) => publishVersion(surveyId, definition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveysQueryKey }),
  });
}
