import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { responsePath, responseQueryKey, type ResponseRef } from './response-path';
import type { RevisionSummary } from './get-revisions';

export interface RevisionData extends Pick<RevisionSummary, 'revision' | 'kind' | 'status'> {
  /** Question name → answer, as SurveyJS keeps them; `<question>-Comment` holds an "other" text or a comment. */
  data: Record<string, unknown>;
}

/** The answers as they were at one revision. */
export function getRevision(ref: ResponseRef, revision: number, { signal }: { signal?: AbortSignal } = {}): Promise<RevisionData> {
  return api.get<RevisionData>(`${responsePath(ref)}/revisions/${revision}`, { signal });
}

export function getRevisionQueryOptions(ref: ResponseRef, revision: number) {
  return queryOptions({
    queryKey: [...responseQueryKey(ref), 'revisions', revision] as const,
    queryFn: ({ signal }) => getRevision(ref, revision, { signal }),
    // A revision, once made, never changes.
    staleTime: Infinity,
  });
}

export function useRevision(ref: ResponseRef, revision: number) {
  return useQuery(getRevisionQueryOptions(ref, revision));
}
