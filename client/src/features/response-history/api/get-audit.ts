import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { Paged } from './get-history';
import type { RevisionSummary } from './get-revisions';

/** One changed part of a question in one revision, or a status change (question null, old and new the statuses). */
export interface AuditLine {
  revision: number;
  at: string;
  author: string;
  kind: RevisionSummary['kind'];
  status: RevisionSummary['status'];
  question: string | null;
  questionTitle: string | null;
  part: string | null;
  old: string | null;
  new: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

/** `GET R/{state}/audit`: every change of the reply, newest first, a page of them. */
export function getAudit(ref: ResponseTarget, page: number, { signal }: { signal?: AbortSignal } = {}): Promise<Paged<AuditLine>> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(AUDIT_PAGE_SIZE) });
  return api.get<Paged<AuditLine>>(responsePath(ref, `/audit?${query.toString()}`), { signal });
}

export function getAuditQueryOptions(ref: ResponseTarget, page: number) {
  return queryOptions({
    queryKey: [...responseQueryKey(ref), 'audit', page] as const,
    queryFn: ({ signal }) => getAudit(ref, page, { signal }),
  });
}

export function useAudit(ref: ResponseTarget, page: number) {
  return useQuery({ ...getAuditQueryOptions(ref, page), placeholderData: keepPreviousData });
}

/** The CSV download, oldest first: a plain link, as the browser sends the session cookie with it. */
export function auditCsvHref(ref: ResponseTarget): string {
  return responsePath(ref, '/audit.csv');
}
