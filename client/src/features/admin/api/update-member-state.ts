import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { memberStatesQueryKey, type MemberState } from '../../../api/get-member-states';

export interface UpdateMemberStateInput {
  code: string;
  changes: { name?: string; active?: boolean };
}

export function updateMemberState({ code, changes }: UpdateMemberStateInput): Promise<MemberState> {
  return api.patch<MemberState>(`/api/member-states/${encodeURIComponent(code)}`, changes);
}

export function useUpdateMemberState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMemberState,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberStatesQueryKey }),
  });
}
