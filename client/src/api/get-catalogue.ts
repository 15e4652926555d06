import { queryOptions, useQuery } from '@tanstack/react-query';
import { getSurveyVersionQueryOptions } from './get-survey-version';
import { api } from '../lib/api-client';

/**
 * `GET …/catalogue`: every variable of a version, read by the revision history (question and
 * part titles) and by the analysis picker (questions, sections, personal-data marks).
 */

export interface CatalogueChoice {
  value: string | number | boolean;
  label: string;
}

/** One answerable part of a question; `key` is its CSV column (`question`, `question.row`, `question.{n}.field`). */
export interface CatalogueVariable {
  key: string;
  question: string;
  section: string;
  /** How the value reads: `text`, `choice`, `checkbox-choice`, `rank`, `other-text`, `count`… */
  type: string;
  /** The question's title, with the part's after " — " for a part. */
  title: string;
  /** The question's own title. */
  questionTitle: string;
  /** Its translations by locale. */
  questionTitles?: Record<string, string>;
  /** Only on a part: the title of each named segment of `key` below the question (`{n}` has none), in key order. */
  partTitles?: string[];
  choices?: CatalogueChoice[];
  /** The one choice a checkbox tick or a rank stands for. */
  choice?: CatalogueChoice;
  /** Marked personal data in the definition: never in a comparison. */
  personalData?: true;
}

export interface Catalogue {
  variables: CatalogueVariable[];
}

export function getCatalogue(
  { surveyId, version }: { surveyId: string; version: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<Catalogue> {
  return api.get<Catalogue>(`/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}/catalogue`, { signal });
}

export function getCatalogueQueryOptions(surveyId: string, version: number) {
  return queryOptions({
    // Below the version's key, as the version's is below the list's (see get-survey-version.ts).
    queryKey: [...getSurveyVersionQueryOptions(surveyId, version).queryKey, 'catalogue'] as const,
    queryFn: ({ signal }) => getCatalogue({ surveyId, version }, { signal }),
    // A published version's definition, and so its catalogue, never changes.
    staleTime: Infinity,
  });
}

export function useCatalogue(surveyId: string, version: number) {
  return useQuery(getCatalogueQueryOptions(surveyId, version));
}
