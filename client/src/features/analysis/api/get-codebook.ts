import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { withParams } from './analysis-filter';
import { analysisQueryKey, versionPath, type VersionRef } from './analysis-paths';

/** `GET A/codebook`: every variable of a version, personal data included and marked. */

export interface CodebookChoice {
  value: string | number | boolean;
  label: string;
}

export interface CodebookVariable {
  /** The CSV column; `{n}` stands for the entry number of a repeated field. */
  key: string;
  question: string;
  section: string;
  sectionTitle: string;
  type: string;
  questionType: string;
  /** The question's title, followed for a part by the part's (" — "). */
  title: string;
  personalData: boolean;
  choices: CodebookChoice[];
}

export interface Codebook {
  variables: CodebookVariable[];
}

export function getCodebook(ref: VersionRef, locale: string | null, { signal }: { signal?: AbortSignal } = {}) {
  const params = new URLSearchParams(locale ? { locale } : {});
  return api.get<Codebook>(withParams(versionPath(ref, '/codebook'), params), { signal });
}

export function getCodebookQueryOptions(ref: VersionRef, locale: string | null) {
  return queryOptions({
    queryKey: [...analysisQueryKey(ref.surveyId), 'codebook', ref.version, locale] as const,
    queryFn: ({ signal }) => getCodebook(ref, locale, { signal }),
    // A published version never changes, and neither does its codebook.
    staleTime: Infinity,
  });
}

export function useCodebook(ref: VersionRef, locale: string | null) {
  return useQuery(getCodebookQueryOptions(ref, locale));
}
