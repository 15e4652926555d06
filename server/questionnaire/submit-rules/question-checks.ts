import { AnswerRequiredError, CustomError } from 'survey-core';
import type { ItemValue, Question, QuestionCheckboxModel, QuestionMatrixModel, QuestionSelectBase } from 'survey-core';
import { commentKey } from '../data-keys.js';
import type { Check } from './rule-types.js';

/**
 * The checks survey-core's `onCheckForErrors` makes before any validator, one function per
 * check, with messages taken from the model's questions once: survey-core words them lazily,
 * but they depend only on the definition and its locale.
 */

/** survey-core's Question.isEmpty: a string of spaces is empty, an object when all its values are. */
export function isEmptyAnswer(value: unknown): boolean {
  return isEmptyValue(typeof value === 'string' ? value.trim() : value);
}

/**
 * Helpers.isValueEmpty, which looks into plain objects only; answers are parsed JSON, whose
 * objects are all plain, so any object is looked into here (also one without a prototype).
 */
function isEmptyValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null) return Object.values(value).every(isEmptyValue);
  return !value && value !== 0 && value !== false;
}

/** A dynamic panel is empty without entries or when every entry has no key at all. */
export function isEmptyEntries(value: unknown): boolean {
  return !Array.isArray(value) || value.every((entry) => typeof entry !== 'object' || entry === null || Object.keys(entry).length === 0);
}

/**
 * A dropdown or dynamic matrix is empty as survey-core holds its value once the data is
 * assigned: a row with an empty cell (spaces, an empty list) is rebuilt without it, and a row
 * left empty is dropped — a dynamic matrix whose rows are then all empty has no value. A dynamic
 * matrix whose empty rows needed no rebuilding (`[{}, {}]`) keeps them, and is answered.
 */
export function isEmptyMatrix(dynamic: boolean): (value: unknown) => boolean {
  return (value) => {
    const rows: unknown[] = dynamic ? (Array.isArray(value) ? value : []) : typeof value === 'object' && value !== null ? Object.values(value) : [];
    let rebuilt = false;
    for (const row of rows) {
      for (const cell of typeof row === 'object' && row !== null ? Object.values(row) : []) {
        if (!isEmptyAnswer(cell)) return false;
        rebuilt = true;
      }
    }
    return !dynamic || rows.length === 0 || rebuilt;
  };
}

export function requiredCheck(question: Question, isEmpty: (value: unknown) => boolean = isEmptyAnswer): Check[] {
  if (!question.isRequired) return [];
  const message = new AnswerRequiredError(question.requiredErrorText, question).getText();
  return [(value) => (isEmpty(value) ? message : undefined)];
}

/** The "other" item chosen without its text, kept under `<name>-Comment`. */
export function otherTextCheck(question: QuestionSelectBase): Check[] {
  if (!question.showOtherItem) return [];
  const other: unknown = question.otherItem.value;
  const otherText = commentKey(question.name);
  const message = customText(question.otherErrorText || question.getLocalizationString('otherRequiredError'), question);
  return [
    (value, { container }) => {
      const chosen = Array.isArray(value) ? value.includes(other) : value === other;
      return chosen && !ownValue(container, otherText) ? message : undefined;
    },
  ];
}

/** Checked even when unanswered; a lone "none" (or another exclusive item) counts as enough. */
export function minSelectedCheck(question: QuestionCheckboxModel): Check[] {
  const minimum = question.minSelectedChoices;
  if (minimum < 1) return [];
  const exclusive = question.visibleChoices.filter((item: ItemValue) => question.isNoneItem(item)).map((item) => item.value as unknown);
  const message = customText(question.getLocalizationFormatString('minSelectError', minimum), question);
  return [
    (value) => {
      const count = Array.isArray(value) ? value.length : 0;
      if (count === 1 && exclusive.some((item) => (value as unknown[]).includes(item))) return undefined;
      return count < minimum ? message : undefined;
    },
  ];
}

/** `eachRowRequired` of a single-select matrix: one error for all the rows left empty. */
export function allRowsCheck(question: QuestionMatrixModel): Check[] {
  if (!question.eachRowRequired) return [];
  const rows = question.rows.map((row: ItemValue) => String(row.value));
  const message = customText(question.getLocalizationString('requiredInAllRowsError'), question);
  return [
    (value) => (rows.some((row) => isEmptyAnswer(ownValue(value, row))) ? message : undefined),
  ];
}

/** The text as survey-core's errors give it (they pass it through the survey's custom-text hook). */
export function customText(text: string, question: Question): string {
  return new CustomError(text, question).getText();
}

/** Own keys only: data is parsed JSON, and `toString` must not find Object's method. */
export function ownValue(container: unknown, key: string): unknown {
  return typeof container === 'object' && container !== null && Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}
