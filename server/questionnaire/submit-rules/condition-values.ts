import { QuestionMatrixModel, QuestionPanelDynamicModel, settings } from 'survey-core';
import type { Question } from 'survey-core';
import type { Values } from './conditions.js';

/**
 * The values conditions run on: the stored answers, as survey-core's expressions see them.
 *
 * survey-core reads a question's value where the data says nothing; that value is `undefined`
 * for every type a condition may name, except multiple-choice questions, which hold an empty
 * list (`{roles} = []` is true of an unanswered checkbox). Inside a dynamic-panel entry, the
 * entry's own variables come first, as survey-core looks there before the survey.
 */

/** Types whose value survey-core's expressions see exactly as stored (or as above). */
const READABLE_TYPES = new Set(['text', 'comment', 'radiogroup', 'dropdown', 'checkbox', 'tagbox', 'boolean', 'rating', 'matrix', 'multipletext']);
const LIST_TYPES = new Set(['checkbox', 'tagbox']);

/** Lower-cased, as survey-core matches names. A checkbox matrix's rows hold lists too, so it is left out. */
export function readableNames(questions: readonly Question[]): Set<string> {
  const readable = (question: Question) =>
    READABLE_TYPES.has(question.getType()) && !(question instanceof QuestionMatrixModel && question.cellType === 'checkbox');
  return new Set(questions.filter(readable).map((question) => question.name.toLowerCase()));
}

/** Top-level dynamic panels and their fields, lower-cased: what countInArray may count. */
export function countableArrays(questions: readonly Question[]): Map<string, ReadonlySet<string>> {
  return new Map(
    questions
      .filter((question): question is QuestionPanelDynamicModel => question instanceof QuestionPanelDynamicModel)
      .map((panel) => [panel.name.toLowerCase(), new Set(panel.template.questions.map((field) => field.name.toLowerCase()))]),
  );
}

export function listNames(questions: readonly Question[]): string[] {
  return questions.filter((question) => LIST_TYPES.has(question.getType())).map((question) => question.name);
}

/** The values with an empty list for each unanswered multiple-choice question; a copy only when needed. */
export function withEmptyLists(values: Values, lists: readonly string[]): Values {
  const missing = lists.filter((name) => !Object.hasOwn(values, name));
  if (missing.length === 0) return values;
  const completed: Record<string, unknown> = { ...values };
  for (const name of missing) completed[name] = [];
  return completed;
}

const VARIABLES = settings.expressionVariables;

/**
 * An entry's variables: `{panel.x}`, its neighbours (entries are never hidden, so the visible
 * index is the index), then the answers of the survey. A question named like one of the entry's
 * variables cannot be read from inside an entry (conditions.ts refuses it), so it may be left out.
 */
export function entryVariables(answers: Values, entries: readonly Values[], index: number): Values {
  const variables: Record<string, unknown> = {
    [VARIABLES.panel]: entries[index],
    [VARIABLES.prevPanel]: entries[index - 1],
    [VARIABLES.nextPanel]: entries[index + 1],
    [VARIABLES.panelIndex]: index,
    [VARIABLES.visiblePanelIndex]: index,
  };
  for (const [name, value] of Object.entries(answers)) {
    if (!Object.hasOwn(variables, name)) variables[name] = value;
  }
  return variables;
}
