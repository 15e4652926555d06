import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import type { SurveyVersion } from '../types/api';
import { surveysQueryKey } from './get-surveys';

export function getSurveyVersion(
  { surveyId, version }: { surveyId: string; version: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<SurveyVersion> {
  return api.get<SurveyVersion>(`/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}`, { signal });
}

// Nested under the surveys key: invalidating the list (a version closed, a version published)
// also refreshes the versions already loaded.
export function getSurveyVersionQueryOptions(surveyId: string, version: number) {
  return queryOptions({
    queryKey: [...surveysQueryKey, surveyId, 'versions', version] as const,
    queryFn: ({ signal }) => getSurveyVersion({ surveyId, version }, { signal }),
  });
}

export function useSurveyVersion(surveyId: string, version: number) {
  return useQuery(getSurveyVersionQueryOptions(surveyId, version));
}
