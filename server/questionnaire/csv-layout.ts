import type { Catalogue, VariableChoice } from './catalogue.js';
import { expandRepeats, repeatCounts } from './repeats.js';
import type { Column, RepeatCounts } from './repeats.js';
import { isAnswered } from './answered.js';
import { isTicked, readCell, tickCell, valueAt } from './variable-values.js';
import type { CellValue } from './variable-values.js';

/**
 * The column layout of responses.csv (API.md, Analysis). The questionnaire core lays out the
 * answer columns; the exporter writes the response columns (member state, status, …) in front
 * of them, in the order given here, and streams the lines through csvLine().
 */

/** Wide layout: these columns, then one per catalogue variable (wideColumns). */
export const WIDE_RESPONSE_COLUMNS = ['member_state', 'member_state_name', 'status', 'revision', 'submitted_at'] as const;

/** Long layout: one line per answered variable. */
export const LONG_COLUMNS = ['member_state', 'variable', 'question', 'value', 'label'] as const;

export type CsvValues = { readonly values: 'codes' | 'labels' };

export type LongRow = {
  readonly variable: string;
  readonly question: string;
  /** The code, or in labels mode what a reader sees (the label of a code, text as typed). */
  readonly value: string;
  /** The label of a coded value (choice, boolean, ticked checkbox); empty for text and numbers. */
  readonly label: string;
};

/**
 * The answer columns for a set of responses: dynamic panels and dynamic matrices get as many
 * entries as the largest count among the data sets. A streaming exporter that cannot hold every
 * data set can pass the counts from a query to wideColumnsFor() instead.
 */
export function wideColumns(catalogue: Catalogue, dataSets: Iterable<unknown>): Column[] {
  return wideColumnsFor(catalogue, repeatCounts(catalogue, dataSets));
}

export function wideColumnsFor(catalogue: Catalogue, counts: RepeatCounts): Column[] {
  return expandRepeats(catalogue, counts);
}

export function wideHeader(columns: readonly Column[]): string[] {
  return [...WIDE_RESPONSE_COLUMNS, ...columns.map((column) => column.key)];
}

/**
 * One cell per column, unanswered as an empty string, after `leading` (the exporter's response
 * columns: one array per line instead of a second one to concatenate).
 */
export function wideRow<Leading = never>(columns: readonly Column[], data: unknown, options: CsvValues, leading: readonly Leading[] = []): (string | Leading)[] {
  // Sized once: pushing 540 cells one by one reallocated the array a dozen times a row.
  const cells = new Array<string | Leading>(leading.length + columns.length);
  let at = 0;
  for (; at < leading.length; at += 1) cells[at] = leading[at] as Leading;
  for (const step of rowPlan(columns, options)) {
    if (step.kind === 'cell') {
      cells[at++] = shown(readCell(step.column, data), options);
      continue;
    }
    const value = valueAt(data, step.path);
    const answered = isAnswered(value);
    for (const tick of step.ticks) {
      const ticked = answered ? isTicked(value, tick.choice) : undefined;
      cells[at++] = ticked === undefined ? '' : ticked ? tick.on : tick.off;
    }
  }
  return cells;
}

/**
 * How wideRow() reads a row: cell by cell, except that a checkbox's tick columns (320 of the
 * 534 columns of v2) read the checkbox's answer once for all its choices, with the two texts a
 * tick column can show worked out beforehand. Kept per column list, which an export lays out once.
 */
type RowStep =
  | { readonly kind: 'cell'; readonly column: Column }
  | { readonly kind: 'ticks'; readonly path: readonly string[]; readonly ticks: readonly TickStep[] };
type TickStep = { readonly choice: VariableChoice; readonly on: string; readonly off: string };

const plans = new WeakMap<readonly Column[], { codes?: readonly RowStep[]; labels?: readonly RowStep[] }>();

function rowPlan(columns: readonly Column[], options: CsvValues): readonly RowStep[] {
  let byValues = plans.get(columns);
  if (!byValues) plans.set(columns, (byValues = {}));
  return (byValues[options.values] ??= planRow(columns, options));
}

function planRow(columns: readonly Column[], options: CsvValues): RowStep[] {
  const steps: RowStep[] = [];
  let ticks: { path: readonly string[]; key: string; ticks: TickStep[] } | undefined;
  for (const column of columns) {
    if (column.type !== 'checkbox-choice') {
      ticks = undefined;
      steps.push({ kind: 'cell', column });
      continue;
    }
    const key = column.path.join('\u0000');
    if (ticks?.key !== key) {
      ticks = { path: column.path, key, ticks: [] };
      steps.push({ kind: 'ticks', path: ticks.path, ticks: ticks.ticks });
    }
    const { choice } = column;
    ticks.ticks.push({ choice, on: shown(tickCell(true, choice), options), off: shown(tickCell(false, choice), options) });
  }
  return steps;
}

/**
 * Every variable the response answers, in catalogue order; a dynamic panel's fields for its
 * own entries. An answered checkbox lists all its choices (1 or 0): a 0 is an answer too.
 */
export function longRows(catalogue: Catalogue, data: unknown, options: CsvValues): LongRow[] {
  const rows: LongRow[] = [];
  for (const column of entryColumns(catalogue, repeatCounts(catalogue, [data]))) {
    const cell = readCell(column, data);
    if (cell === undefined) continue;
    rows.push({ variable: column.key, question: column.question, value: shown(cell, options), label: cell.label ?? '' });
  }
  return rows;
}

/**
 * The columns for one response's entry counts, kept per catalogue and counts: replies mostly
 * have the same numbers of entries, and laying the columns out again for every line of a long
 * export of thousands of replies was a quarter of its time.
 */
const laidOut = new WeakMap<Catalogue, Map<string, readonly Column[]>>();
const LAYOUTS_KEPT = 100;

function entryColumns(catalogue: Catalogue, counts: RepeatCounts): readonly Column[] {
  let layouts = laidOut.get(catalogue);
  if (!layouts) laidOut.set(catalogue, (layouts = new Map()));
  const key = [...counts].map(([question, count]) => `${count}:${question}`).join('\n');
  let columns = layouts.get(key);
  if (!columns) {
    columns = expandRepeats(catalogue, counts);
    if (layouts.size >= LAYOUTS_KEPT) layouts.clear();
    layouts.set(key, columns);
  }
  return columns;
}

function shown(cell: CellValue | undefined, { values }: CsvValues): string {
  if (cell === undefined) return '';
  return values === 'labels' ? (cell.label ?? cell.code) : cell.code;
}
