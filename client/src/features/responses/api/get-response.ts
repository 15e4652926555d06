import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';

/** Question name (or `question-Comment`) → answer, as SurveyJS keeps it in `model.data`. */
export type Answers = Record<string, unknown>;

/** `GET R/{state}`: one member state's reply with its answers. */
export interface ResponseDetail {
  memberState: string;
  /** The member state's name, e.g. "Estonia". */
  memberStateName: string;
  status: ResponseStatus;
  /** 0 before the first save. */
  revision: number;
  data: Answers;
  /** ISO 8601 timestamps; null before the first save or submission. */
  updatedAt: string | null;
  submittedAt: string | null;
  /** Share of the (required) questions answered, 0–1. */
  progress: number;
  /** The name of whoever made the latest change. */
  updatedBy: string | null;
}

export function getResponse(target: ResponseTarget, { signal }: { signal?: AbortSignal } = {}): Promise<ResponseDetail> {
  return api.get<ResponseDetail>(responsePath(target), { signal });
}

export function getResponseQueryOptions(target: ResponseTarget) {
  return queryOptions({
    queryKey: responseQueryKey(target),
    queryFn: ({ signal }) => getResponse(target, { signal }),
  });
}

/**
 * Asked again when the page opens unless it was fetched since `openedAt` (the navigation's
 * prefetch, router.tsx), even when the cache has the reply: the editor starts from the answers
 * it is given, and answers saved since they were cached must not look lost.
 */
export function useResponse(target: ResponseTarget, openedAt: number) {
  return useQuery({ ...getResponseQueryOptions(target), refetchOnMount: (query) => (query.state.dataUpdatedAt >= openedAt ? false : 'always') });
}

/**
 * Starts fetching the reply as the navigation to its page begins, beside the page's code and
 * SurveyJS, instead of after them (bench/BENCHMARKS.md, Client). Fetched anew however fresh the
 * cache is, for the reason above.
 */
export function prefetchResponse(queryClient: QueryClient, target: ResponseTarget): Promise<void> {
  return queryClient.prefetchQuery({ ...getResponseQueryOptions(target), staleTime: 0 });
}
