import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface AuditEvent {
  /** Increasing with time: the page cursor (`before`). */
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  /** e.g. `auth.signed_in`, `invitation.created` */
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export const AUDIT_PAGE_SIZE = 100;

export interface AuditFilter {
  /** Only events with exactly this action. */
  action?: string | undefined;
}

export function getAuditEvents(
  { action, before }: AuditFilter & { before?: string | undefined },
  { signal }: { signal?: AbortSignal } = {},
): Promise<AuditEvent[]> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (action) query.set('action', action);
  if (before) query.set('before', before);
  return api.get<AuditEvent[]>(`/api/audit?${query.toString()}`, { signal });
}

/** The CSV download of the same events (every page), for a plain link. */
export function auditCsvHref({ action }: AuditFilter): string {
  return action ? `/api/audit.csv?${new URLSearchParams({ action }).toString()}` : '/api/audit.csv';
}

export const auditEventsQueryKey = ['admin', 'audit'] as const;

export function getAuditEventsQueryOptions(filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: [...auditEventsQueryKey, { action: filter.action ?? null }] as const,
    queryFn: ({ pageParam, signal }) => getAuditEvents({ ...filter, before: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    // A short page is the last one; otherwise the next page starts below its oldest event.
    getNextPageParam: (lastPage) => (lastPage.length < AUDIT_PAGE_SIZE ? undefined : lastPage.at(-1)?.id),
  });
}

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery(getAuditEventsQueryOptions(filter));
}
