import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SurveyVersion } from '../../../types/api';

/**
 * The questionnaire version a reply answers: its SurveyJS definition and whether it is open.
 * The query key is the one of features/surveys/api/get-survey-version.ts on purpose: the route's
 * loader prefetches the (large) definition under that key while this page's code loads, and
 * features do not import each other. Change both together.
 */
export function getQuestionnaireQueryOptions(surveyId: string, version: number) {
  return queryOptions({
    queryKey: ['surveys', surveyId, 'versions', version] as const,
    queryFn: ({ signal }) => api.get<SurveyVersion>(`/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}`, { signal }),
  });
}

export function useQuestionnaire(surveyId: string, version: number) {
  return useQuery(getQuestionnaireQueryOptions(surveyId, version));
}
