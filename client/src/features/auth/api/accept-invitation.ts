import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SignedIn } from '../../../types/api';
import { storeSession } from './session-cache';

export interface AcceptInvitationInput {
  token: string;
  name: string;
  password: string;
}

/** Creates the account and signs it in. */
export function acceptInvitation({ token, name, password }: AcceptInvitationInput): Promise<SignedIn> {
  return api.post<SignedIn>(`/api/invitations/${encodeURIComponent(token)}/accept`, { name, password });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (signedIn) => storeSession(queryClient, signedIn),
  });
}
