import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Model } from 'survey-core';
import { responseQueryKey, versionResponsesQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { isApiError } from '../../../lib/api-client';
import type { ResponseDetail } from '../api/get-response';
import { answerProblemsOf, editConflictOf, type AnswerProblem } from '../api/response-errors';
import { submitResponse } from '../api/submit-response';
import type { SaveStore } from '../autosave/save-store';
import type { ReplyChecks } from '../survey/reply-checks';
import { submitCheck } from '../survey/submit-check';

const NOT_SAVED = 'Your latest changes are not saved yet, so the reply was not submitted. Submit again once they are saved.';

/**
 * Submitting: first every change is saved, what others saved meanwhile fetched, and the answers
 * checked by the server's own rules (`check`, before the delegate is asked to confirm), then the
 * reply is submitted at the revision saved.
 * If someone saved in between (409), the reply is loaded again and submitted once more. Missing
 * or invalid answers come back as `problems`; on success the cached reply turns submitted, which
 * makes the page read-only.
 */
export function useSubmitReply(target: ResponseTarget, store: SaveStore, model: Model, checks: ReplyChecks) {
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<AnswerProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** True when the reply can be submitted: every change saved, and nothing the check finds. */
  async function check(): Promise<boolean> {
    setProblems(null);
    setError(null);
    if (!(await store.flush())) {
      setError(NOT_SAVED);
      return false;
    }
    // What others of the state saved meanwhile counts on the server: the check sees it too. When
    // it cannot be fetched, the check could hold back a reply the server accepts, so the server decides.
    try {
      await store.refresh();
    } catch {
      return true;
    }
    const found = submitCheck(model, checks);
    if (found.length > 0) setProblems(found);
    return found.length === 0;
  }

  async function submit() {
    setProblems(null);
    setError(null);
    if (!(await store.flush())) {
      setError(NOT_SAVED);
      return;
    }
    try {
      const result = await submitResponse(target, store.getSnapshot().revision).catch(async (failure: unknown) => {
        if (!editConflictOf(failure)) throw failure;
        return submitResponse(target, await store.refresh());
      });
      queryClient.setQueryData<ResponseDetail>(responseQueryKey(target), (reply) =>
        reply && { ...reply, status: result.status, revision: result.revision, submittedAt: new Date().toISOString() },
      );
      void queryClient.invalidateQueries({ queryKey: versionResponsesQueryKey(target) });
    } catch (failure) {
      const found = answerProblemsOf(failure, 'VALIDATION_FAILED');
      if (found && found.length > 0) setProblems(found);
      else setError(isApiError(failure) ? failure.message : 'The reply could not be submitted. Please try again.');
    }
  }

  return { check, submit, problems, error };
}
