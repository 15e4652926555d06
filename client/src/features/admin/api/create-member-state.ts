import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { memberStatesQueryKey, type MemberState } from '../../../api/get-member-states';

export function createMemberState(input: { code: string; name: string }): Promise<MemberState> {
  return api.post<MemberState>('/api/member-states', input);
}

export function useCreateMemberState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMemberState,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberStatesQueryKey }),
  });
}
