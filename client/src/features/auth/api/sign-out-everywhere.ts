import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { clearSession } from './session-cache';

/** Ends every session of the signed-in person, this one included. */
export function signOutEverywhere(): Promise<{ ended: number }> {
  return api.post<{ ended: number }>('/api/auth/logout-everywhere');
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: ({ ended }) =>
      clearSession(
        queryClient,
        `You have been signed out on every device and browser (${ended} ${ended === 1 ? 'session' : 'sessions'} ended).`,
      ),
  });
}
