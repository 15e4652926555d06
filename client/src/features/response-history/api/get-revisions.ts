import { queryOptions, useQuery } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';

/** What made a revision: a delegate's save, or a step of the review. */
export type RevisionKind = 'save' | 'submit' | 'return' | 'accept' | 'reopen';

export interface RevisionSummary {
  revision: number;
  kind: RevisionKind;
  /** The reply's status once this revision was made. */
  status: Exclude<ResponseStatus, 'not_started'>;
  /** The name of whoever made it. */
  author: string;
  at: string;
  /** The questions whose answers this revision changed; empty for review steps. */
  changed: string[];
}

/** Every revision of the reply, oldest first. */
export function getRevisions(ref: ResponseTarget, { signal }: { signal?: AbortSignal } = {}): Promise<RevisionSummary[]> {
  return api.get<RevisionSummary[]>(responsePath(ref, '/revisions'), { signal });
}

export function getRevisionsQueryOptions(ref: ResponseTarget) {
  return queryOptions({
    queryKey: [...responseQueryKey(ref), 'revisions'] as const,
    queryFn: ({ signal }) => getRevisions(ref, { signal }),
  });
}

export function useRevisions(ref: ResponseTarget) {
  return useQuery(getRevisionsQueryOptions(ref));
}
