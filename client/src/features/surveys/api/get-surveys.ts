import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Survey } from '../../../types/api';

export function getSurveys({ signal }: { signal?: AbortSignal } = {}): Promise<Survey[]> {
  return api.get<Survey[]>('/api/surveys', { signal });
}

export const surveysQueryKey = ['surveys'] as const;

export function getSurveysQueryOptions() {
  return queryOptions({
    queryKey: surveysQueryKey,
    queryFn: ({ signal }) => getSurveys({ signal }),
  });
}

export function useSurveys() {
  return useQuery(getSurveysQueryOptions());
}
