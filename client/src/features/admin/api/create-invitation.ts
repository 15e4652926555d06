import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../types/api';
import { invitationsQueryKey } from './get-invitations';

export interface CreateInvitationInput {
  email: string;
  name?: string;
  role: Role;
  /** Required for a delegate, refused for every other role. */
  memberState?: string;
}

export interface CreatedInvitation {
  id: string;
  token: string;
  /** The link to send to the person: there is no mail server. */
  url: string;
  expiresAt: string;
}

export function createInvitation(input: CreateInvitationInput): Promise<CreatedInvitation> {
  return api.post<CreatedInvitation>('/api/invitations', input);
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
