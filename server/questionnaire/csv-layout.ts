import type { Catalogue } from './catalogue.js';
import { expandRepeats, repeatCounts } from './repeats.js';
import type { Column, RepeatCounts } from './repeats.js';
import { readCell } from './variable-values.js';
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

/** One cell per column, unanswered as an empty string. */
export function wideRow(columns: readonly Column[], data: unknown, options: CsvValues): string[] {
  return columns.map((column) => shown(readCell(column, data), options));
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
