import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Signs the person out on every device; their API tokens keep working. */
export function endPersonSessions({ id }: { id: string }): Promise<{ ended: number }> {
  return api.post<{ ended: number }>(`/api/users/${encodeURIComponent(id)}/sessions/revoke`);
}

export function useEndPersonSessions() {
  return useMutation({ mutationFn: endPersonSessions });
}
