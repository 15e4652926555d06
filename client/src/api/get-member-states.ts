import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';

/**
 * The member states, read by the administration pages and wherever a state is named to a person
 * (home, the user menu, a reply and its history): one query, one cache entry.
 */

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

interface NameOptions {
  /** False asks nothing (someone who may not read the list yet): the code stands in. */
  enabled?: boolean;
}

/**
 * The name of the state with `code` ("Estonia" for `EE`). While the names load, or when they
 * cannot be, the code stands in: a label is never blank, and never an error of its own.
 */
export function useMemberStateName(code: string, options?: NameOptions): string;
export function useMemberStateName(code: string | null, options?: NameOptions): string | null;
export function useMemberStateName(code: string | null, { enabled = true }: NameOptions = {}): string | null {
  const { data: name } = useQuery({
    ...getMemberStatesQueryOptions(),
    enabled: enabled && code !== null,
    select: (states) => states.find((state) => state.code === code)?.name,
  });
  return name ?? code;
}
