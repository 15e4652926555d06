import { ItemValue } from 'survey-core';
import type { QuestionSelectBase } from 'survey-core';
import { plainText, readLocalText } from './localized-text.js';
import type { Choice, ChoiceValue, SpecialChoice } from './question-tree.js';
import type { Context } from './read-questions.js';

/**
 * Reads choice lists (choices, rating scales, matrix rows and columns) and checks what the
 * catalogue and the CSV need of them: values that are strings or numbers, distinct as text.
 */

/** Built-in items in the order survey-core shows them after the defined choices. */
const SPECIAL_ITEMS: readonly { special: SpecialChoice; shown: string; item: string }[] = [
  { special: 'none', shown: 'showNoneItem', item: 'noneItem' },
  { special: 'refused', shown: 'showRefuseItem', item: 'refuseItem' },
  { special: 'dontknow', shown: 'showDontKnowItem', item: 'dontKnowItem' },
  { special: 'other', shown: 'showOtherItem', item: 'otherItem' },
];

export function readChoices(question: QuestionSelectBase, context: Context): Choice[] {
  const { where, label, reasons } = context;
  const restful = question.choicesByUrl as unknown as { url?: string } | undefined;
  if (restful?.url) reasons.push(`${label}: choices loaded from a URL are not supported; list them`);
  if (question.choicesFromQuestion) {
    reasons.push(`${label}: choices copied from another question are not supported; list them`);
  }
  if (question.storeOthersAsComment === false) {
    reasons.push(`${label}: storeOthersAsComment: false stores the "other" text in place of the choice code; remove it`);
  }
  const defined: readonly ItemValue[] =
    question.choices.length === 0 && context.inheritedChoices ? context.inheritedChoices : question.choices;
  const choices = defined.map((item) => readChoice(item, label, reasons));
  // Ranking orders the defined choices only; survey-core ignores the built-in items there.
  const specialsApply = question.getType() !== 'ranking';
  const record = question as unknown as Record<string, unknown>;
  for (const { special, shown, item } of SPECIAL_ITEMS) {
    if (!specialsApply || record[shown] !== true) continue;
    const builtIn = record[item];
    if (builtIn instanceof ItemValue) choices.push({ ...readChoice(builtIn, label, reasons), special });
  }
  if (choices.some((choice) => choice.special === 'other')) {
    if (where === 'cell') reasons.push(`${label}: "other" items in matrix cells are not supported`);
    if (question.showCommentArea) {
      reasons.push(`${label}: an "other" item and a comment area together make survey-core store the other text in place of the choice code; keep one`);
    }
  }
  return checkedChoices(choices, label, reasons);
}

export function readItems(items: readonly unknown[], label: string, reasons: string[]): Choice[] {
  const choices = items.filter((item): item is ItemValue => item instanceof ItemValue).map((item) => readChoice(item, label, reasons));
  return checkedChoices(choices, label, reasons);
}

export function readChoice(item: ItemValue, label: string, reasons: string[]): Choice {
  const value: unknown = item.value;
  if (!isChoiceValue(value)) {
    reasons.push(`${label}: choice value ${JSON.stringify(value)} must be a string or a number`);
    return { value: String(value), text: plainText(item.text) };
  }
  return { value, text: readLocalText(item.locText, item.text) };
}

/**
 * Values must differ as text, not only as JSON: `1` and `"1"` would be the same CSV code and the
 * same column name. The `|` is reserved because a multi-choice matrix cell joins codes with it.
 */
export function checkedChoices(choices: Choice[], label: string, reasons: string[]): Choice[] {
  reportDuplicates(choices.map((choice) => String(choice.value)), label, reasons);
  for (const choice of choices) {
    if (String(choice.value).includes('|')) reasons.push(`${label}: choice value '${choice.value}' must not contain '|'`);
  }
  if (choices.length === 0) reasons.push(`${label}: no choices`);
  return choices;
}

export function reportDuplicates(values: readonly string[], label: string, reasons: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) reasons.push(`${label}: '${value}' appears more than once`);
    seen.add(value);
  }
}

export function isChoiceValue(value: unknown): value is ChoiceValue {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}
