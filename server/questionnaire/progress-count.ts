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
  /**
   * The questions counted: the required ones shown and any other the submit check stops at, or
   * every one shown when none is required.
   */
  readonly counted: number;
  /**
   * Questions shown that the reply must satisfy: the required ones, and any other the submit
   * check reports a problem for (an optional e-mail that is not one, a dynamic-panel entry with a
   * required field empty). When no shown question is required, all shown questions count
   * instead, so a questionnaire without required questions still shows progress; `required` is
   * then 0.
   */
  readonly required: number;
  /** answered / counted, 0…1; 1 when there is nothing to answer. */
  readonly share: number;
};

/**
 * The one rule for "answered", wherever progress is counted: a question holds an answer
 * (isAnswered) and the submit check finds nothing wrong with it. So a question on the submit
 * error list never counts as answered — a multiple-text question with a required item missing,
 * a matrix with a required row or cell empty, a dynamic panel with a required field empty, an
 * "other" chosen without its text, an answer a validator refuses — and a required question
 * counts exactly when the submit check is content with it.
 */
export function isAnsweredQuestion(value: unknown, hasProblem: boolean): boolean {
  return isAnswered(value) && !hasProblem;
}

/**
 * Progress over the questions shown (taking an answer, visible under the current answers): a
 * question counts as a whole — a multiple-text question is one, not one per item — and is
 * answered by isAnsweredQuestion's rule, `hasProblem` telling whether the submit check reports
 * anything for it. With required questions shown, what is counted is what submitting needs:
 * the required questions and every other question the check stops at, so that a full bar means
 * the check has nothing left to report.
 */
export function countProgress<Q>(
  shown: readonly Q[],
  isRequired: (question: Q) => boolean,
  valueOf: (question: Q) => unknown,
  hasProblem: (question: Q) => boolean,
): Progress {
  const questions = shown.map((question) => ({ question, problem: hasProblem(question), required: isRequired(question) }));
  const anyRequired = questions.some(({ required }) => required);
  const counted = anyRequired ? questions.filter(({ required, problem }) => required || problem) : questions;
  const answered = counted.filter(({ question, problem }) => isAnsweredQuestion(valueOf(question), problem)).length;
  return {
    answered,
    counted: counted.length,
    required: anyRequired ? counted.length : 0,
    share: counted.length === 0 ? 1 : answered / counted.length,
  };
}
