import type { Model } from 'survey-core';
// The server's rule itself (a pure module without imports), so the bar and the server's percentages cannot drift apart.
import { isAnswered } from '../../../../../server/questionnaire/answered';

/** Questions that show something rather than ask: they are never counted. */
const NOT_ASKED = new Set(['html', 'image', 'expression']);

export interface AnswerCount {
  answered: number;
  total: number;
  /** Whether `total` counts the required questions (else every question shown). */
  required: boolean;
}

/**
 * How much is answered, by the server's rule (server/questionnaire/submit-validation.ts
 * `progress`): the required questions currently shown, or every question shown when none is
 * required; a question counts as a whole (a multiple-text question is one, not one per item),
 * and an empty text, list or object is unanswered. survey-core's own getProgressInfo() counts
 * items separately, so the bar would disagree with the home page's percentage.
 */
export function countAnswers(model: Model): AnswerCount {
  const shown = model.getAllQuestions(true).filter((question) => !NOT_ASKED.has(question.getType()));
  const requiredOnes = shown.filter((question) => question.isRequired);
  const counted = requiredOnes.length > 0 ? requiredOnes : shown;
  const answered = counted.filter((question) => isAnswered(model.getValue(question.name))).length;
  return { answered, total: counted.length, required: requiredOnes.length > 0 };
}
