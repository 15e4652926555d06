import type { VariableChoice, VariableType } from './catalogue.js';
import type { ChoiceValue } from './question-tree.js';
import type { Column } from './repeats.js';
import { MULTIPLE_CODES_SEPARATOR, readCell } from './variable-values.js';
import type { CellValue } from './variable-values.js';

/**
 * The comparison table of API.md (Analysis) as pure functions of columns and replies' data:
 * the cells of one reply, and per-choice summaries counted one reply at a time, so that the
 * JSON route and the streamed exports build the same table without holding every reply.
 *
 * Cells are read with readCell, as the wide CSV is: a cell's `value` is the wide CSV's code and
 * its `label` the wide CSV's label text, typed for JSON.
 */

/** What a client needs to head a column (API.md fixes key, question and title). */
export type ComparisonColumn = {
  readonly key: string;
  readonly question: string;
  readonly title: string;
  readonly section: string;
  readonly type: VariableType;
  readonly questionType: string;
};

/**
 * A cell's code: a number for number, count and rank variables, 1/0 for booleans and checkbox
 * ticks, a choice's own value for a choice (a rating's 3 stays a number), text otherwise.
 */
export type CellCode = string | number;

export type ComparisonCell = {
  readonly key: string;
  /** null when unanswered. */
  readonly value: CellCode | null;
  readonly label: string | null;
};

export type ChoiceCount = { readonly value: ChoiceValue; readonly label: string; readonly count: number };

export type Summary = {
  readonly question: string;
  /** The variable's key; for a checkbox question the key its choices' columns share (`roles`, `orgs.1.roles`). */
  readonly variable: string;
  readonly title: string;
  /** Counted replies that answer it. */
  readonly answered: number;
  /** One per choice, in choice order, zero counts included. */
  readonly counts: readonly ChoiceCount[];
};

/**
 * What one summary counts: a coded column (choice, boolean, a multi-choice cell), or all the
 * tick columns of one checkbox question (one entry of it, in a dynamic panel).
 */
export type SummarySpec = {
  readonly question: string;
  readonly variable: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly choices: readonly VariableChoice[];
  readonly kind: 'coded' | 'ticks';
};

export function comparisonColumn(column: Column): ComparisonColumn {
  return { key: column.key, question: column.question, title: column.title, section: column.section, type: column.type, questionType: column.questionType };
}

export function comparisonCells(columns: readonly Column[], data: unknown): ComparisonCell[] {
  return columns.map((column) => comparisonCell(column, data));
}

export function comparisonCell(column: Column, data: unknown): ComparisonCell {
  return shownCell(column, readCell(column, data));
}

function shownCell(column: Column, cell: CellValue | undefined): ComparisonCell {
  if (cell === undefined) return { key: column.key, value: null, label: null };
  return { key: column.key, value: cellCode(column, cell), label: cell.label ?? cell.code };
}

function cellCode(column: Column, cell: CellValue): CellCode {
  switch (column.type) {
    case 'number':
    case 'count':
    case 'rank':
    case 'boolean':
    case 'checkbox-choice':
      return numberOrText(cell.code);
    case 'choice':
      return choiceByCode(column.choices).get(cell.code)?.value ?? cell.code;
    default:
      return cell.code;
  }
}

const byCode = new WeakMap<readonly VariableChoice[], ReadonlyMap<string, VariableChoice & { index: number }>>();

/** A choice list by code (as text, as readCell writes codes), with each choice's position; cached per list. */
function choiceByCode(choices: readonly VariableChoice[]): ReadonlyMap<string, VariableChoice & { index: number }> {
  let map = byCode.get(choices);
  if (!map) byCode.set(choices, (map = new Map(choices.map((choice, index) => [String(choice.value), { ...choice, index }]))));
  return map;
}

function numberOrText(code: string): CellCode {
  const number = Number(code);
  return code.trim() !== '' && Number.isFinite(number) ? number : code;
}

/** The summaries the columns call for, in column order (a checkbox question where its first tick is). */
export function summarySpecs(columns: readonly Column[]): SummarySpec[] {
  const specs: SummarySpec[] = [];
  const ticks = new Map<string, { spec: SummarySpec; columns: Column[]; choices: VariableChoice[] }>();
  for (const column of columns) {
    switch (column.type) {
      case 'choice':
      case 'choices':
      case 'boolean':
        specs.push({ question: column.question, variable: column.key, title: column.title, columns: [column], choices: column.choices, kind: 'coded' });
        break;
      case 'checkbox-choice': {
        const variable = checkboxKey(column);
        let group = ticks.get(variable);
        if (!group) {
          const grouped: Column[] = [];
          const choices: VariableChoice[] = [];
          const spec: SummarySpec = { question: column.question, variable, title: checkboxTitle(column), columns: grouped, choices, kind: 'ticks' };
          group = { spec, columns: grouped, choices };
          ticks.set(variable, group);
          specs.push(spec);
        }
        group.columns.push(column);
        group.choices.push(column.choice);
        break;
      }
      default:
        break;
    }
  }
  return specs;
}

/** A checkbox's key without its choice: the path to its value, with the entry numbered from 1. */
function checkboxKey(column: Column): string {
  const path = column.entry === undefined ? column.path : [column.path[0] ?? column.question, String(column.entry), ...column.path.slice(2)];
  return path.join('.');
}

/** The title without its last part, which names the choice. */
function checkboxTitle(column: Column): string {
  return [column.questionTitle, ...(column.partTitles ?? []).slice(0, -1)].join(' — ');
}

/**
 * The choice values a reply gives in a summary's variable (several for ticks and multi-choice
 * cells), or undefined when it does not answer it. A code that is not one of the choices (data
 * older than its definition) answers without counting for any choice.
 */
export function chosenValues(spec: SummarySpec, data: unknown): ChoiceValue[] | undefined {
  return chosenIndexes(spec, (column) => readCell(column, data))?.map((index) => spec.choices[index]!.value);
}

/** chosenValues as positions in `spec.choices`, from the cells of the spec's columns: what the counter adds up. */
function chosenIndexes(spec: SummarySpec, cellOf: (column: Column, index: number) => CellValue | undefined): number[] | undefined {
  if (spec.kind === 'ticks') {
    let answered = false;
    const chosen: number[] = [];
    spec.columns.forEach((column, index) => {
      const cell = cellOf(column, index);
      if (cell === undefined) return;
      answered = true;
      if (cell.code === '1') chosen.push(index);
    });
    return answered ? chosen : undefined;
  }
  const [column] = spec.columns;
  const cell = column && cellOf(column, 0);
  if (column === undefined || cell === undefined) return undefined;
  const choices = choiceByCode(spec.choices);
  const codes = column.type === 'choices' ? cell.code.split(MULTIPLE_CODES_SEPARATOR) : [cell.code];
  const chosen: number[] = [];
  for (const code of codes) {
    const index = choices.get(code)?.index;
    if (index !== undefined && !chosen.includes(index)) chosen.push(index);
  }
  return chosen.sort((a, b) => a - b);
}

export type SummaryCounter = {
  /** Counts one counted reply. */
  add(data: unknown): void;
  result(): Summary[];
};

export function createSummaryCounter(specs: readonly SummarySpec[]): SummaryCounter {
  const tally = createTally(specs);
  return { add: (data) => tally.add((spec, column) => readCell(column, data)), result: tally.result };
}

/**
 * A comparison built one reply at a time: each reply's cells, read once for both the row and
 * the summaries. `count` is for a reply that counts but is not shown (publication leaves it
 * out; the counts stay whole).
 */
export type ComparisonBuilder = {
  readonly columns: readonly Column[];
  add(data: unknown): ComparisonCell[];
  count(data: unknown): void;
  summaries(): Summary[];
};

export function createComparison(columns: readonly Column[]): ComparisonBuilder {
  const specs = summarySpecs(columns);
  const position = new Map(columns.map((column, index) => [column, index]));
  const positions = specs.map((spec) => spec.columns.map((column) => position.get(column) ?? -1));
  const tally = createTally(specs);
  return {
    columns,
    add(data) {
      const read = columns.map((column) => readCell(column, data));
      tally.add((spec, _column, specIndex, at) => read[positions[specIndex]![at]!]);
      return read.map((cell, index) => shownCell(columns[index]!, cell));
    },
    count(data) {
      tally.add((_spec, column) => readCell(column, data));
    },
    summaries: tally.result,
  };
}

type CellSource = (spec: SummarySpec, column: Column, specIndex: number, columnIndex: number) => CellValue | undefined;

function createTally(specs: readonly SummarySpec[]) {
  const answered = specs.map(() => 0);
  const counts = specs.map((spec) => spec.choices.map(() => 0));
  return {
    add(cellOf: CellSource) {
      specs.forEach((spec, index) => {
        const chosen = chosenIndexes(spec, (column, at) => cellOf(spec, column, index, at));
        if (chosen === undefined) return;
        answered[index] = (answered[index] ?? 0) + 1;
        const tally = counts[index]!;
        for (const at of chosen) tally[at] = (tally[at] ?? 0) + 1;
      });
    },
    result(): Summary[] {
      return specs.map((spec, index) => ({
        question: spec.question,
        variable: spec.variable,
        title: spec.title,
        answered: answered[index] ?? 0,
        counts: spec.choices.map((choice, at) => ({ value: choice.value, label: choice.label, count: counts[index]?.[at] ?? 0 })),
      }));
    },
  };
}
