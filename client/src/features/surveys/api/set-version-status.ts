import { useMutation, useQueryClient } from '@tanstack/react-query';
import { surveysQueryKey } from '../../../api/get-surveys';
import { versionResponsesQueryKey } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { VersionStatus } from '../../../types/api';

/** Opens or closes a version's round: while closed, delegates can change and submit nothing. */
export function setVersionStatus(surveyId: string, version: number, status: VersionStatus): Promise<unknown> {
  return api.patch(`/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}`, { status });
}

export function useSetVersionStatus(surveyId: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: VersionStatus) => setVersionStatus(surveyId, version, status),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: surveysQueryKey }),
        // A reply's page says whether the round is open.
        queryClient.invalidateQueries({ queryKey: versionResponsesQueryKey({ surveyId, version }) }),
      ]),
  });
}
