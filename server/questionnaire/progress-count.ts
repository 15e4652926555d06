import { isAnswered } from './answered.js';

/**
 * The API's progress rule, once for both engines on the server and for the reply page's bar in
 * the client (which bundles this module: it imports nothing but answered.ts, and must stay so).
 */

/** Elements that show something but store nothing. */
export const DISPLAY_ONLY_TYPES: ReadonlySet<string> = new Set(['html', 'image']);

/** Whether a question of this SurveyJS type takes an answer: expressions are computed, html and images show. */
export function takesAnswer(type: string): boolean {
  return type !== 'expression' && !DISPLAY_ONLY_TYPES.has(type);
}

export type Progress = {
  /** Answered questions among those counted. */
  readonly answered: number;
  /** The questions counted: the required ones shown, or every one shown when none is required. */
  readonly counted: number;
  /**
   * Required questions currently shown. When none is, all shown questions count instead, so a
   * questionnaire without required questions still shows progress; `required` is then 0.
   */
  readonly required: number;
  /** answered / counted, 0…1; 1 when there is nothing to answer. */
  readonly share: number;
};

/**
 * Progress over the questions shown (taking an answer, visible under the current answers): a
 * question counts as a whole — a multiple-text question is one, not one per item — and is
 * answered by isAnswered's rule.
 */
export function countProgress<Q>(shown: readonly Q[], isRequired: (question: Q) => boolean, valueOf: (question: Q) => unknown): Progress {
  const required = shown.filter(isRequired);
  const counted = required.length > 0 ? required : shown;
  const answered = counted.filter((question) => isAnswered(valueOf(question))).length;
  return { answered, counted: counted.length, required: required.length, share: counted.length === 0 ? 1 : answered / counted.length };
}
