import { queryOptions, useQuery } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { RevisionSummary } from './get-revisions';

export interface RevisionData extends Pick<RevisionSummary, 'revision' | 'kind' | 'status'> {
  /** Question name → answer, as SurveyJS keeps them; `<question>-Comment` holds an "other" text or a comment. */
  data: Record<string, unknown>;
}

/** The answers as they were at one revision. */
export function getRevision(ref: ResponseTarget, revision: number, { signal }: { signal?: AbortSignal } = {}): Promise<RevisionData> {
  return api.get<RevisionData>(responsePath(ref, `/revisions/${revision}`), { signal });
}

export function getRevisionQueryOptions(ref: ResponseTarget, revision: number) {
  return queryOptions({
    queryKey: [...responseQueryKey(ref), 'revisions', revision] as const,
    queryFn: ({ signal }) => getRevision(ref, revision, { signal }),
    // A revision, once made, never changes.
    staleTime: Infinity,
  });
}

export function useRevision(ref: ResponseTarget, revision: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getRevisionQueryOptions(ref, revision), enabled });
}
