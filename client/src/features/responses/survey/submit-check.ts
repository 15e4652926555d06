import type { Model, Question, QuestionMultipleTextModel, QuestionPanelDynamicModel } from 'survey-core';
import type { AnswerProblem } from '../api/response-errors';

/**
 * What would stop a submission, found in the browser before the delegate is asked to confirm:
 * survey-core's own check (required answers of the questions shown, validators), the one the
 * server's submit check follows. The server still decides; this only spares the delegate a
 * confirmation for a reply that cannot be submitted. Each problem is told in the
 * questionnaire's words (an item's or an entry question's title, not its name).
 */
export function submitCheck(model: Model): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const question of model.getAllQuestions(true)) {
    // true: the errors are kept on the question (and shown beside it), where they are read below.
    if (question.validate(true)) continue;
    const own = question.errors.map((error) => error.getText());
    const inner = innerProblems(question);
    const messages = own.length > 0 || inner.length === 0 ? own : inner;
    for (const message of messages.length > 0 ? messages : ['This answer needs attention.']) problems.push({ question: question.name, message });
  }
  return problems;
}

/** The errors of a multiple-text question's items, or of a dynamic panel's entries, each with where it is. */
function innerProblems(question: Question): string[] {
  if (question.getType() === 'multipletext') {
    return (question as QuestionMultipleTextModel).items.flatMap((item) =>
      item.editor.errors.map((error) => `${item.title || item.name}: ${error.getText()}`),
    );
  }
  if (question.getType() === 'paneldynamic') {
    return (question as QuestionPanelDynamicModel).visiblePanels.flatMap((panel, index) =>
      panel.questions.flatMap((inner: Question) => inner.errors.map((error) => `Entry ${index + 1}, ${inner.processedTitle || inner.name}: ${error.getText()}`)),
    );
  }
  return [];
}

/**
 * A server problem's message in the questionnaire's words: the submit check names a
 * multiple-text question's item by its name ("item 'email': Response required."), which the
 * delegate has never seen; its title is what they read beside the field.
 */
export function problemInWords(model: Model, questionName: string, message: string): string {
  const question = model.getQuestionByName(questionName);
  if (!question || question.getType() !== 'multipletext') return message;
  return message.replace(/item '([^']+)'/g, (whole, name: string) => {
    const item = (question as QuestionMultipleTextModel).getItemByName(name);
    return item ? `“${item.title || name}”` : whole;
  });
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
