import { isAnswered } from './answered.js';
import type { VariableChoice } from './catalogue.js';
import type { Column } from './repeats.js';

/**
 * Reads one column's value out of a response's data as CSV-ready text. `undefined` means
 * unanswered (an empty cell); `label` is the human text for coded values and absent for text,
 * numbers, dates, counts and ranks, whose code already is what a reader needs.
 */
export type CellValue = { readonly code: string; readonly label?: string };

/** Codes of a multi-choice matrix cell are joined with `|` (definitions may not use it in values). */
export const MULTIPLE_CODES_SEPARATOR = '|';
const MULTIPLE_LABELS_SEPARATOR = ' | ';

export function readCell(column: Column, data: unknown): CellValue | undefined {
  const value = valueAt(data, column.path);
  if (!isAnswered(value)) return undefined;
  switch (column.type) {
    case 'text':
    case 'date':
    case 'number':
    case 'other-text':
    case 'comment-text':
      return typeof value === 'string' || typeof value === 'number' ? { code: String(value) } : { code: JSON.stringify(value) };
    case 'choice':
      return codedCell(value, column.choices);
    case 'choices': {
      const values = Array.isArray(value) ? value : [value];
      const cells = values.map((item) => codedCell(item, column.choices));
      return {
        code: cells.map((cell) => cell.code).join(MULTIPLE_CODES_SEPARATOR),
        label: cells.map((cell) => cell.label).join(MULTIPLE_LABELS_SEPARATOR),
      };
    }
    case 'boolean': {
      const [yes, no] = column.choices;
      if (value === column.stored.yes) return { code: '1', label: yes.label };
      if (value === column.stored.no) return { code: '0', label: no.label };
      return { code: String(value), label: String(value) };
    }
    case 'checkbox-choice': {
      const ticked = isTicked(value, column.choice);
      return ticked === undefined ? undefined : tickCell(ticked, column.choice);
    }
    case 'rank': {
      if (!Array.isArray(value)) return undefined;
      const position = value.findIndex((item) => sameValue(item, column.choice.value));
      return position < 0 ? undefined : { code: String(position + 1) };
    }
    case 'count':
      return Array.isArray(value) ? { code: String(value.length) } : undefined;
  }
}

/**
 * Whether an answered checkbox ticks `choice`; undefined when the answer is no list of ticks.
 * Split from tickCell() so that the wide CSV can read a checkbox once for all its tick columns.
 */
export function isTicked(value: unknown, choice: VariableChoice): boolean | undefined {
  if (!Array.isArray(value)) return undefined;
  for (let index = 0; index < value.length; index += 1) if (sameValue(value[index], choice.value)) return true;
  return false;
}

/**
 * A tick column's cell. Unticked reads as empty in labels mode: ticked choices show their label,
 * so a set of ticks still reads back unambiguously (an answered checkbox has at least one tick).
 */
export function tickCell(ticked: boolean, choice: VariableChoice): CellValue {
  return ticked ? { code: '1', label: choice.label } : { code: '0', label: '' };
}

function codedCell(value: unknown, choices: readonly VariableChoice[]): { code: string; label: string } {
  const code = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  // sameValue() on a value that is no object is a match of texts: the first choice of that text.
  const label = typeof value === 'object' ? undefined : labelsOf(choices).get(String(value));
  return { code, label: label ?? code };
}

/** Each choice list's labels by code text, made once: a comparison or export looks up every cell. */
const labelsByCode = new WeakMap<readonly VariableChoice[], ReadonlyMap<string, string>>();

function labelsOf(choices: readonly VariableChoice[]): ReadonlyMap<string, string> {
  let labels = labelsByCode.get(choices);
  if (!labels) {
    const byCode = new Map<string, string>();
    for (const choice of choices) if (!byCode.has(String(choice.value))) byCode.set(String(choice.value), choice.label);
    labelsByCode.set(choices, (labels = byCode));
  }
  return labels;
}

/** A choice code matches as text too: the answer schema keeps types exact, old data may not be. */
function sameValue(value: unknown, choice: string | number): boolean {
  if (value === choice) return true;
  // Two strings or two numbers that are not === differ as text too (JSON has no NaN); skipping
  // String() here matters: the wide CSV compares every checkbox choice with every tick.
  return typeof value !== typeof choice && typeof value !== 'object' && String(value) === String(choice);
}

export function valueAt(data: unknown, path: readonly string[]): unknown {
  let current: unknown = data;
  // An indexed loop: this runs for every cell of every exported row.
  for (let index = 0; index < path.length; index += 1) {
    const step = path[index] as string;
    // Own keys only: data is parsed JSON, and `toString` must not find Object's method.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}
