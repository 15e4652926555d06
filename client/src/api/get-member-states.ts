import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface MemberState {
  /** e.g. `EE`, `DE-BY` */
  code: string;
  name: string;
  /** Inactive states keep their data but get no new responses and no new delegates. */
  active: boolean;
}

export function getMemberStates({ signal }: { signal?: AbortSignal } = {}): Promise<MemberState[]> {
  return api.get<MemberState[]>('/api/member-states', { signal });
}

export const memberStatesQueryKey = ['member-states'] as const;

export function getMemberStatesQueryOptions() {
  return queryOptions({
    queryKey: memberStatesQueryKey,
    queryFn: ({ signal }) => getMemberStates({ signal }),
  });
}

export function useMemberStates() {
  return useQuery(getMemberStatesQueryOptions());
}
