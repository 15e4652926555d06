import type { ChoiceSummary, Comparison, ComparisonColumn } from '../api/get-comparison';

/**
 * What the chart and the map can show of a comparison: each summary (counts per choice), and
 * each number (a count of entries, a number question). The map colours a state by one answer,
 * so it takes a summary only when that answer is one code per state: a single choice or a
 * yes/no question, not a checkbox question's several ticks.
 */

export type FocusOption =
  | {
      kind: 'counts';
      key: string;
      title: string;
      summary: ChoiceSummary;
      /** The column holding each state's one code, when there is one: what the map colours by. */
      column: ComparisonColumn | null;
    }
  | { kind: 'numbers'; key: string; title: string; column: ComparisonColumn };

const SINGLE_CODE_TYPES = new Set(['choice', 'boolean']);
const NUMBER_TYPES = new Set(['number', 'count']);

export function focusOptions(comparison: Comparison): FocusOption[] {
  const columns = new Map(comparison.columns.map((column) => [column.key, column]));
  const counts: FocusOption[] = comparison.summaries.map((summary) => {
    const column = columns.get(summary.variable);
    return {
      kind: 'counts',
      key: summary.variable,
      title: summary.title,
      summary,
      column: column && SINGLE_CODE_TYPES.has(column.type) ? column : null,
    };
  });
  const numbers: FocusOption[] = comparison.columns
    .filter((column) => NUMBER_TYPES.has(column.type))
    .map((column) => ({ kind: 'numbers', key: column.key, title: column.title, column }));
  // In column order, as the table reads.
  const order = new Map(comparison.columns.map((column, index) => [column.key, index]));
  const position = (option: FocusOption) => order.get(option.key) ?? order.get(firstColumnOf(option, comparison.columns)) ?? Infinity;
  return [...counts, ...numbers].sort((a, b) => position(a) - position(b));
}

/** A checkbox question's summary has no column of its own: it sits where its first tick column does. */
function firstColumnOf(option: FocusOption, columns: ComparisonColumn[]): string {
  const question = option.kind === 'counts' ? option.summary.question : option.column.question;
  return columns.find((column) => column.key.startsWith(`${option.key}.`) || column.question === question)?.key ?? '';
}

/** The option `key` names, or the first one when it names none. */
export function chosenFocus(options: FocusOption[], key: string | null): FocusOption | null {
  return options.find((option) => option.key === key) ?? options[0] ?? null;
}
