import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../types/api';

/** What an invitation link is for, shown before it is accepted. */
export interface InvitationPreview {
  email: string;
  name: string | null;
  role: Role;
  memberState: string | null;
  /** The member state's name (the page is shown before signing in, when the list cannot be read). */
  memberStateName: string | null;
  expiresAt: string;
}

export function getInvitation(token: string, { signal }: { signal?: AbortSignal } = {}): Promise<InvitationPreview> {
  return api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`, { signal });
}

export function getInvitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['invitation-links', token] as const,
    queryFn: ({ signal }) => getInvitation(token, { signal }),
    // The link is used once: looking again when the window regains focus would only find it used.
    refetchOnWindowFocus: false,
  });
}

export function useInvitation(token: string) {
  return useQuery(getInvitationQueryOptions(token));
}
