import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SignedIn } from '../../../types/api';
import { storeSession } from './session-cache';

export interface SignInInput {
  email: string;
  password: string;
}

export function signIn(input: SignInInput): Promise<SignedIn> {
  return api.post<SignedIn>('/api/auth/login', input);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (signedIn) => storeSession(queryClient, signedIn),
  });
}
