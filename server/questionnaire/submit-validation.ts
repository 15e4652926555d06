import {
  Model,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixDynamicModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
} from 'survey-core';
import type { Question } from 'survey-core';
import type { SurveyDefinition } from './definition.js';
import { objectOrEmpty } from './json.js';
import type { Problem } from './problem.js';
import { countProgress, takesAnswer, type Progress } from './progress-count.js';

/**
 * What survey-core decides at submit time: required answers (of visible questions only — a
 * follow-up hidden by visibleIf is not required), validators, and the visibility logic behind
 * both. It does not check types or allowed choices; that is the answer schema's job.
 *
 * This is the reference path: compileQuestionnaire uses it only for definitions the submit rules
 * (submit-rules/, the same decisions without a Model per call) do not model, and the rules are
 * tested against it.
 *
 * One Model per survey version, reused: building one costs tens of milliseconds, validating a
 * few. Node runs one call at a time, and every call replaces the model's whole data before it
 * reads anything, so nothing of one response leaks into the next: values and comments go with
 * the data, dynamic entries are emptied first (see emptyRepeats), and errors are read only from
 * questions visible under the new data, which validate() has just recomputed. Clearing the
 * whole model after each call as well would cost more than the validation itself.
 */

export type { Progress } from './progress-count.js';

export type SubmitValidator = {
  validateForSubmit(data: unknown): Problem[];
  progress(data: unknown): Progress;
};

export function createSubmitValidator(definition: SurveyDefinition): SubmitValidator {
  return submitValidatorFor(new Model(definition));
}

/** The model must not be used for anything else: each call replaces its data. */
export function submitValidatorFor(model: Model): SubmitValidator {
  const repeats = initialEntryCounts(model);
  const withData = <T>(data: unknown, use: () => T): T => {
    // survey-core rewrites data it finds invalid (drops unknown choices, invents `-Comment`
    // keys), so it gets a copy; the caller's data is never touched.
    const values: Record<string, unknown> = structuredClone(objectOrEmpty(data));
    model.data = values;
    settleRepeats(repeats, values);
    return use();
  };
  return {
    validateForSubmit: (data) =>
      withData(data, () => {
        model.validate(true, false);
        const problems: Problem[] = [];
        for (const question of answerableVisibleQuestions(model)) collectErrors(question, question.name, [], problems);
        return problems;
      }),
    progress: (data) =>
      withData(data, () => {
        const values = objectOrEmpty(data);
        model.validate(true, false);
        return countProgress(
          answerableVisibleQuestions(model),
          (question) => question.isRequired,
          (question) => (Object.hasOwn(values, question.name) ? values[question.name] : undefined),
          (question) => {
            const problems: Problem[] = [];
            collectErrors(question, question.name, [], problems);
            return problems.length > 0;
          },
        );
      }),
  };
}

type RepeatCount = { readonly question: QuestionPanelDynamicModel | QuestionMatrixDynamicModel; readonly initial: number };

/**
 * The state that outlives `model.data = …`: when the new data has no entries for a dynamic
 * panel or dynamic matrix, survey-core keeps the entries it had, and writes their old answers
 * back into the data. Such a question is cleared and given what a fresh model shows: the
 * definition's panelCount (also for an empty list) or rowCount (none for an empty list).
 * Entries the data does hold survey-core sets right itself, fields left out included.
 */
function initialEntryCounts(model: Model): RepeatCount[] {
  return model.getAllQuestions(false, false, false).flatMap((question): RepeatCount[] => {
    if (question instanceof QuestionPanelDynamicModel) return [{ question, initial: question.panelCount }];
    if (question instanceof QuestionMatrixDynamicModel) return [{ question, initial: question.rowCount }];
    return [];
  });
}

function settleRepeats(repeats: readonly RepeatCount[], values: Record<string, unknown>): void {
  for (const { question, initial } of repeats) {
    const entries = values[question.name];
    if (Array.isArray(entries) && entries.length > 0) continue;
    question.clearValue();
    if (question instanceof QuestionPanelDynamicModel) {
      if (question.panelCount !== initial) question.panelCount = initial;
    } else {
      const rows = Array.isArray(entries) ? 0 : initial;
      if (question.rowCount !== rows) question.rowCount = rows;
    }
  }
}

/** Visible questions that take an answer; expressions are computed, html and images show. */
function answerableVisibleQuestions(model: Model): Question[] {
  return model
    .getAllQuestions(true)
    .filter((question) => takesAnswer(question.getType()));
}

/**
 * Gathers the errors of a question and of everything inside it (entries of a dynamic panel,
 * matrix cells, multiple-text items), reported under the top-level name with the position
 * spelled out, because that is the question the delegate can find on the page.
 */
function collectErrors(question: Question, top: string, where: readonly string[], problems: Problem[]): void {
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  for (const error of question.errors) problems.push({ question: top, message: prefix + error.getText() });
  if (question instanceof QuestionPanelDynamicModel) {
    question.visiblePanels.forEach((panel, index) => {
      for (const inner of panel.questions) {
        if (inner.isVisible) collectErrors(inner, top, [...where, `entry ${index + 1}`, `'${inner.name}'`], problems);
      }
    });
  } else if (question instanceof QuestionMatrixDropdownModelBase) {
    const dynamic = question instanceof QuestionMatrixDynamicModel;
    question.visibleRows.forEach((row, index) => {
      const rowLabel = dynamic ? `row ${index + 1}` : `row '${String(row.rowName)}'`;
      for (const cell of row.cells) {
        if (cell.question.isVisible) collectErrors(cell.question, top, [...where, rowLabel, `column '${cell.column.name}'`], problems);
      }
    });
  } else if (question instanceof QuestionMultipleTextModel) {
    for (const item of question.items) collectErrors(item.editor, top, [...where, `item '${item.name}'`], problems);
  }
}
