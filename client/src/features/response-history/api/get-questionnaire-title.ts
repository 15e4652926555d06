import { useQuery } from '@tanstack/react-query';
import { getSurveysQueryOptions } from '../../../api/get-surveys';

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
