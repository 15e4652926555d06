import type { Model, QuestionMatrixDropdownModelBase, QuestionMultipleTextModel, QuestionPanelDynamicModel } from 'survey-core';
import type { AnswerProblem } from '../api/response-errors';
import { questionOfKey } from './question-names';
import type { ReplyChecks } from './reply-checks';

/**
 * What would stop a submission, found in the browser before the delegate is asked to confirm:
 * the server's own submit check (reply-checks.ts) on the answers shown, so that it can neither
 * hold back a reply the server accepts nor let through one it refuses — the server still
 * decides. The questions it stops at are marked beside their fields as survey-core marks them;
 * marks of an earlier check that no longer apply are taken away.
 */
export function submitCheck(model: Model, checks: ReplyChecks): AnswerProblem[] {
  const problems = checks.problems();
  const stopped = new Set(problems.map(({ question }) => questionOfKey(model, question)));
  for (const question of model.getAllQuestions()) {
    // true: the errors are kept on the question, and shown beside it.
    // A question marked by an earlier check is checked again, which takes away what no longer applies
    // (inside it too: an entry's field, a cell, an item).
    if (stopped.has(question.name) || question.errors.length > 0 || question.containsErrors) question.validate(true);
  }
  return problems;
}

/**
 * A problem's message in the questionnaire's words: the submit check names the parts of a
 * question by their names ("item 'email'", "entry 2, 'org_name'", "row 'shelter', column
 * 'places'"), which the delegate has never seen; their titles are what they read on the page.
 */
export function problemInWords(model: Model, questionName: string, message: string): string {
  const question = model.getQuestionByName(questionName);
  if (!question) return message;
  const quoted = (title: string | undefined, name: string) => `“${title || name}”`;
  const type = question.getType();
  if (type === 'multipletext') {
    const items = question as QuestionMultipleTextModel;
    return message.replace(/item '([^']+)'/g, (_whole, name: string) => quoted(items.getItemByName(name)?.title, name));
  }
  if (type === 'matrixdropdown' || type === 'matrixdynamic') {
    const matrix = question as QuestionMatrixDropdownModelBase;
    return message
      .replace(/column '([^']+)'/g, (_whole, name: string) => quoted(matrix.getColumnByName(name)?.title, name))
      .replace(/row '([^']+)'/g, (_whole, name: string) => quoted(matrix.rows.find((row) => String(row.value) === name)?.text, name));
  }
  if (type === 'paneldynamic') {
    const panel = question as QuestionPanelDynamicModel;
    return message
      .replace(/(^|, )'([^']+)'/g, (_whole, before: string, name: string) => `${before}${quoted(panel.template.getQuestionByName(name)?.title, name)}`)
      .replace(/^entry (\d+)/, 'Entry $1');
  }
  return message;
}

/**
 * Moves the keyboard focus to a question's field: opens its page (survey-core's focusQuestion)
 * and, once it is drawn, puts the focus in its first control, so that a keyboard or screen
 * reader user lands where the answer goes.
 */
export function focusQuestionField(model: Model, name: string): void {
  const question = model.getQuestionByName(name);
  if (!question) return;
  model.focusQuestion(name);
  const focusField = () => {
    // The question's own control, or (choices, matrices) the first control inside it.
    const control =
      document.getElementById(question.inputId) ??
      document.getElementById(question.id)?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select') ??
      null;
    control?.focus();
    return control !== null && document.activeElement === control;
  };
  // The page may still be rendering: try again on the next frames.
  let tries = 0;
  const attempt = () => {
    if (focusField() || ++tries > 10) return;
    setTimeout(attempt, 30);
  };
  setTimeout(attempt, 0);
}
