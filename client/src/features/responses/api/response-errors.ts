import { isApiError } from '../../../lib/api-client';

/**
 * The `details` of the responses routes' errors (API.md, "Responses"), read defensively: a
 * malformed body yields an empty list rather than a crash.
 */

/** One thing wrong with an answer: `question` is a data key (a question name or `name-Comment`). */
export interface AnswerProblem {
  question: string;
  message: string;
}

/** A question someone else changed since the editor's base revision (409 EDIT_CONFLICT). */
export interface EditConflict {
  question: string;
  /** null when they removed the answer. */
  currentValue: unknown;
  /** The question's "other" text (`-Comment` key) now, when it has one. */
  currentComment?: unknown;
  changedBy: string;
  /** ISO 8601 timestamp. */
  changedAt: string;
}

export interface EditConflictDetails {
  currentRevision: number;
  conflicts: EditConflict[];
}

/** The problems of a 422 INVALID_ANSWER or VALIDATION_FAILED, or null for any other error. */
export function answerProblemsOf(error: unknown, code: 'INVALID_ANSWER' | 'VALIDATION_FAILED'): AnswerProblem[] | null {
  if (!isApiError(error) || error.code !== code) return null;
  if (!Array.isArray(error.details)) return [];
  return error.details.filter(
    (item): item is AnswerProblem => isRecord(item) && typeof item.question === 'string' && typeof item.message === 'string',
  );
}

/** The details of a 409 EDIT_CONFLICT, or null for any other error. */
export function editConflictOf(error: unknown): EditConflictDetails | null {
  if (!isApiError(error) || error.code !== 'EDIT_CONFLICT' || !isRecord(error.details)) return null;
  const { currentRevision, conflicts } = error.details;
  if (typeof currentRevision !== 'number') return null;
  return {
    currentRevision,
    conflicts: Array.isArray(conflicts)
      ? conflicts.filter(
          (item): item is EditConflict =>
            isRecord(item) && typeof item.question === 'string' && typeof item.changedBy === 'string' && typeof item.changedAt === 'string',
        )
      : [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
