import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';
import type { RevisionKind } from './get-revisions';

type Status = Exclude<ResponseStatus, 'not_started'>;

/** Consecutive saves by one person, with no status change between them and no pause over 30 minutes. */
export interface EditingSession {
  type: 'session';
  author: string;
  from: string;
  to: string;
  firstRevision: number;
  lastRevision: number;
  saves: number;
  /** Every question the saves changed, in questionnaire order. */
  questions: { question: string; title: string }[];
}

/** A status change: submitted, returned, accepted or reopened. */
export interface Milestone {
  type: 'milestone';
  revision: number;
  kind: Exclude<RevisionKind, 'save'>;
  status: Status;
  author: string;
  at: string;
}

export interface Paged<T> {
  page: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
  items: T[];
}

export interface HistoryPage extends Paged<EditingSession | Milestone> {
  totalRevisions: number;
  totalSessions: number;
  latestRevision: number;
  lastSubmitted: number | null;
  lastReturned: number | null;
}

export const HISTORY_PAGE_SIZE = 20;

/** `GET R/{state}/history`: the reply's editing sessions and milestones, newest first, a page of them. */
export function getHistory(ref: ResponseTarget, page: number, { signal }: { signal?: AbortSignal } = {}): Promise<HistoryPage> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(HISTORY_PAGE_SIZE) });
  return api.get<HistoryPage>(responsePath(ref, `/history?${query.toString()}`), { signal });
}

export function getHistoryQueryOptions(ref: ResponseTarget, page: number) {
  return queryOptions({
    queryKey: [...responseQueryKey(ref), 'history', page] as const,
    queryFn: ({ signal }) => getHistory(ref, page, { signal }),
  });
}

/** The page shown stays on screen while the next one loads, so paging does not flash a spinner. */
export function useHistory(ref: ResponseTarget, page: number) {
  return useQuery({ ...getHistoryQueryOptions(ref, page), placeholderData: keepPreviousData });
}
