import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import type { Survey } from '../types/api';

/**
 * The questionnaire list and one version's definition are read by several features (the
 * questionnaire pages, a reply, its history), so their queries live here, one key each: the
 * route loader's prefetch and every page share one cache entry.
 */

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
