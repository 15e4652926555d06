import { useMutation, useQueryClient } from '@tanstack/react-query';
import { responsePath, responseQueryKey, versionResponsesQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';
import type { ResponseDetail } from './get-response';

/** The consultant's steps of API.md: return (with a message), accept, reopen (with a reason). */
export type ReviewStep = 'return' | 'accept' | 'reopen';

export interface ReviewStepResult {
  revision: number;
  status: ResponseStatus;
}

export function takeReviewStep(target: ResponseTarget, step: ReviewStep, text: string): Promise<ReviewStepResult> {
  const path = responsePath(target, `/${step}`);
  if (step === 'return') return api.post<ReviewStepResult>(path, { message: text });
  if (step === 'reopen') return api.post<ReviewStepResult>(path, { reason: text });
  return api.post<ReviewStepResult>(path);
}

/**
 * Takes a step; the reply's new status shows at once, and everything about the version's replies
 * (the reply, its comments — a return's message is one —, the board, the delegate's home, the
 * history) loads again.
 */
export function useReviewStep(target: ResponseTarget, step: ReviewStep) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => takeReviewStep(target, step, text),
    onSuccess: (result) => {
      queryClient.setQueryData<ResponseDetail>(responseQueryKey(target), (reply) => reply && { ...reply, ...result });
      return queryClient.invalidateQueries({ queryKey: versionResponsesQueryKey(target) });
    },
  });
}
