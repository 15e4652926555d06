import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Survey } from '../../../types/api';

/**
 * The questionnaire list, for the title of one version. Same key and shape as the questionnaire
 * pages' list, so that the two share one cache entry (and one request).
 */
export function getSurveys({ signal }: { signal?: AbortSignal } = {}): Promise<Survey[]> {
  return api.get<Survey[]>('/api/surveys', { signal });
}

export function getSurveysQueryOptions() {
  return queryOptions({
    queryKey: ['surveys'] as const,
    queryFn: ({ signal }) => getSurveys({ signal }),
  });
}

export interface QuestionnaireTitle {
  surveyTitle: string;
  versionTitle: string;
}

/** The titles of a questionnaire version; no data while loading, or when the version is not listed. */
export function useQuestionnaireTitle(surveyId: string, version: number) {
  return useQuery({
    ...getSurveysQueryOptions(),
    select: (surveys): QuestionnaireTitle | null => {
      const survey = surveys.find((candidate) => candidate.id === surveyId);
      const found = survey?.versions.find((candidate) => candidate.version === version);
      return survey && found ? { surveyTitle: survey.title, versionTitle: found.title } : null;
    },
  });
}
