import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invitationsQueryKey } from './get-invitations';

/** The link stops working at once. */
export function withdrawInvitation({ id }: { id: string }): Promise<void> {
  return api.delete<void>(`/api/invitations/${encodeURIComponent(id)}`);
}

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
