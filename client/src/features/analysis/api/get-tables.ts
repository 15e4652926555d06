import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { analysisQueryKey, surveyPath } from './analysis-paths';

/** `GET /api/surveys/{surveyId}/tables`: the survey's named comparison tables (`tables.json`). */

export interface NamedTable {
  id: string;
  title: string;
  description?: string;
  /** Question names; a version that does not ask one leaves it out of its table. */
  questions: string[];
}

export interface NamedTables {
  tables: NamedTable[];
}

export function getTables(surveyId: string, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<NamedTables>(surveyPath(surveyId, '/tables'), { signal });
}

export function getTablesQueryOptions(surveyId: string) {
  return queryOptions({
    queryKey: [...analysisQueryKey(surveyId), 'tables'] as const,
    queryFn: ({ signal }) => getTables(surveyId, { signal }),
  });
}

export function useTables(surveyId: string) {
  return useQuery(getTablesQueryOptions(surveyId));
}
