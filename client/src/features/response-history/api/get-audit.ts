import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
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

/** A page of the audit: the lines of up to pageSize revisions, and where the next, older page starts. */
export interface AuditPage {
  pageSize: number;
  items: AuditLine[];
  totalRevisions: number;
  newestRevision: number;
  /** The `before` of the next, older page; null on the last. */
  nextBefore: number | null;
}

/** Revisions a page: one revision may change many questions, each a line. */
export const AUDIT_PAGE_SIZE = 20;

/** `GET R/{state}/audit`: the changes of the revisions before `before` (the newest without it), newest first. */
export function getAudit(ref: ResponseTarget, before: number | null, { signal }: { signal?: AbortSignal } = {}): Promise<AuditPage> {
  const query = new URLSearchParams({ pageSize: String(AUDIT_PAGE_SIZE), ...(before === null ? {} : { before: String(before) }) });
  return api.get<AuditPage>(responsePath(ref, `/audit?${query.toString()}`), { signal });
}

export function getAuditQueryOptions(ref: ResponseTarget, before: number | null) {
  return queryOptions({
    queryKey: [...responseQueryKey(ref), 'audit', before] as const,
    queryFn: ({ signal }) => getAudit(ref, before, { signal }),
  });
}

export function useAudit(ref: ResponseTarget, before: number | null) {
  return useQuery({ ...getAuditQueryOptions(ref, before), placeholderData: keepPreviousData });
}

/** The CSV download, oldest first: a plain link, as the browser sends the session cookie with it. */
export function auditCsvHref(ref: ResponseTarget): string {
  return responsePath(ref, '/audit.csv');
}
