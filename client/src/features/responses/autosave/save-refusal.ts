import { isApiError } from '../../../lib/api-client';
import { answerProblemsOf, editConflictOf, type AnswerProblem, type EditConflictDetails } from '../api/response-errors';

/** What a refused save means for autosave, read from the error alone (save-store.ts acts on it). */
export type SaveRefusal =
  /** No answer, or a server that sheds load or has lost its database (503): as good as offline. */
  | { readonly kind: 'unreachable' }
  /** Submitted, accepted or a closed version: nothing can be saved now. */
  | { readonly kind: 'locked'; readonly message: string }
  /** Others changed these very questions: the delegate chooses, answer by answer. */
  | { readonly kind: 'conflict'; readonly conflict: EditConflictDetails }
  /** The base is unknown to the server (no overlap named): start again from its revision, once. */
  | { readonly kind: 'rebase'; readonly currentRevision: number }
  /**
   * Invalid answers (422): `refusedKeys` are the keys of the request the server named, or all of
   * them when it named none; `reported` the problems to show for them.
   */
  | { readonly kind: 'invalid'; readonly refusedKeys: readonly string[]; readonly reported: readonly AnswerProblem[] }
  /** Anything else; `retry` when waiting may help (no API answer, 429, a 5xx). */
  | { readonly kind: 'failed'; readonly message: string; readonly retry: boolean };

/**
 * Classifies `error`, the refusal of a save of `requestKeys`. `rebased`: the last refusal was a
 * rebase already, so a second unknown base is a failure rather than a loop.
 */
export function classifySaveRefusal(error: unknown, requestKeys: readonly string[], rebased: boolean): SaveRefusal {
  if (isApiError(error) && (error.status === 0 || error.status === 503)) return { kind: 'unreachable' };
  if (isApiError(error) && error.code === 'RESPONSE_LOCKED') return { kind: 'locked', message: error.message };
  const conflict = editConflictOf(error);
  if (conflict && conflict.conflicts.length > 0) return { kind: 'conflict', conflict };
  if (conflict && !rebased) return { kind: 'rebase', currentRevision: conflict.currentRevision };
  const problems = answerProblemsOf(error, 'INVALID_ANSWER');
  if (problems) {
    const named = problems.map((problem) => problem.question).filter((key) => requestKeys.includes(key));
    return named.length > 0
      ? { kind: 'invalid', refusedKeys: named, reported: problems.filter((problem) => named.includes(problem.question)) }
      : { kind: 'invalid', refusedKeys: requestKeys, reported: problems };
  }
  return {
    kind: 'failed',
    message: isApiError(error) ? error.message : 'The answers could not be saved.',
    retry: !isApiError(error) || error.status === 429 || error.status >= 500,
  };
}
