import { queryOptions, useQuery } from '@tanstack/react-query';
import { getSurveyVersionQueryOptions } from '../../../api/get-survey-version';
import { api } from '../../../lib/api-client';
import { versionPath, type VersionRef } from './analysis-paths';

/**
 * `GET …/catalogue`, for the question picker: the question titles (and their translations) of
 * every variable. Only the fields the picker reads are typed here; the key is the one the reply
 * history uses for the same request, so both share one cache entry.
 */

export interface CatalogueEntry {
  key: string;
  question: string;
  section: string;
  type: string;
  /** The question's own title, the same for all its variables. */
  questionTitle: string;
  /** Its translations by locale. */
  questionTitles?: Record<string, string>;
  /** Marked personal data in the definition: never in a comparison. */
  personalData?: true;
}

export interface CatalogueEntries {
  variables: CatalogueEntry[];
}

export function getCatalogue(ref: VersionRef, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<CatalogueEntries>(versionPath(ref, '/catalogue'), { signal });
}

export function getCatalogueQueryOptions(ref: VersionRef) {
  return queryOptions({
    queryKey: [...getSurveyVersionQueryOptions(ref.surveyId, ref.version).queryKey, 'catalogue'] as const,
    queryFn: ({ signal }) => getCatalogue(ref, { signal }),
    staleTime: Infinity,
  });
}

export function useCatalogue(ref: VersionRef) {
  return useQuery(getCatalogueQueryOptions(ref));
}
