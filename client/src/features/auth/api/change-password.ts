import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SignedIn } from '../../../types/api';
import { storeSession } from './session-cache';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Also ends the person's other sessions (the server does). */
export function changePassword(input: ChangePasswordInput): Promise<SignedIn> {
  return api.post<SignedIn>('/api/auth/password', input);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (signedIn) => storeSession(queryClient, signedIn),
  });
}
