import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../types/api';

/** An invitation not yet accepted, withdrawn or expired. Its link cannot be shown again. */
export interface PendingInvitation {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  memberState: string | null;
  createdAt: string;
  expiresAt: string;
}

export function getInvitations({ signal }: { signal?: AbortSignal } = {}): Promise<PendingInvitation[]> {
  return api.get<PendingInvitation[]>('/api/invitations', { signal });
}

export const invitationsQueryKey = ['admin', 'invitations'] as const;

export function getInvitationsQueryOptions() {
  return queryOptions({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => getInvitations({ signal }),
  });
}

export function useInvitations() {
  return useQuery(getInvitationsQueryOptions());
}
