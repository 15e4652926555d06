import { queryOptions, useQuery } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api, isApiError } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';
import type { Answers } from './get-response';

/** `GET R/{state}/prefill`: the state's answers to an earlier version, carried over to this one. */
export interface Prefill {
  fromVersion: number;
  fromRevision: number;
  fromStatus: ResponseStatus;
  data: Answers;
  /** Earlier answers that could not be carried over, and why. */
  dropped: { question: string; reason: string }[];
}

/** The carried-over answers, or null when the state answered no earlier version. */
export async function getPrefill(target: ResponseTarget, { signal }: { signal?: AbortSignal } = {}): Promise<Prefill | null> {
  try {
    return await api.get<Prefill>(responsePath(target, '/prefill'), { signal });
  } catch (error) {
    if (isApiError(error) && error.code === 'NO_EARLIER_RESPONSE') return null;
    throw error;
  }
}

export function getPrefillQueryOptions(target: ResponseTarget) {
  return queryOptions({
    queryKey: [...responseQueryKey(target), 'prefill'] as const,
    queryFn: ({ signal }) => getPrefill(target, { signal }),
  });
}

/** Asked only while the offer makes sense (nothing saved yet, a later version). */
export function usePrefill(target: ResponseTarget, enabled: boolean) {
  return useQuery({ ...getPrefillQueryOptions(target), enabled });
}
