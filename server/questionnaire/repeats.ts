import type { Catalogue, Variable, VariableCommon, VariableValue } from './catalogue.js';
import { isJsonObject } from './json.js';

/**
 * Turns the catalogue's repeated variables (`orgs.{n}.name`, one per template field) into
 * columns for entries 1…count. The catalogue itself stays independent of any data.
 */

/**
 * Where a repeated variable's key has its entry number (`orgs.{n}.name`). Kept here, with the
 * expansion, rather than in catalogue.ts: laying out CSV lines (a worker thread's whole job,
 * analysis/export/csv-lines.ts) then loads no survey-core.
 */
export const ENTRY_PLACEHOLDER = '{n}';

/** A variable with a concrete CSV column: no `{n}` left, `path` from the data root. */
export type Column = VariableCommon &
  VariableValue & {
  /** The entry (1-based) of a dynamic panel or dynamic matrix the column belongs to. */
  readonly entry?: number;
};

/** Entries per repeated question: a question name → how many entries to lay out. */
export type RepeatCounts = ReadonlyMap<string, number>;

/** The largest number of entries each repeated question has across the data sets. */
export function repeatCounts(catalogue: Catalogue, dataSets: Iterable<unknown>): Map<string, number> {
  const repeated = new Set(catalogue.variables.flatMap((variable) => (variable.repeat ? [variable.repeat.question] : [])));
  const counts = new Map<string, number>([...repeated].map((question) => [question, 0]));
  for (const data of dataSets) {
    if (!isJsonObject(data)) continue;
    for (const question of repeated) {
      const entries = data[question];
      if (Array.isArray(entries)) counts.set(question, Math.max(counts.get(question) ?? 0, entries.length));
    }
  }
  return counts;
}

/**
 * Columns in catalogue order; a question's repeated variables are laid out entry by entry
 * (`orgs.1.name, orgs.1.type, orgs.2.name, …`), so one entry reads as a block.
 */
export function expandRepeats(catalogue: Catalogue, counts: RepeatCounts): Column[] {
  const columns: Column[] = [];
  const variables = catalogue.variables;
  for (let start = 0; start < variables.length; ) {
    const first = variables[start];
    if (first === undefined) break;
    if (!first.repeat) {
      columns.push(first);
      start += 1;
      continue;
    }
    let end = start;
    while (variables[end]?.repeat?.question === first.repeat.question) end += 1;
    const block = variables.slice(start, end);
    const count = counts.get(first.repeat.question) ?? 0;
    for (let entry = 1; entry <= count; entry += 1) {
      for (const variable of block) columns.push(entryColumn(variable, entry));
    }
    start = end;
  }
  return columns;
}

function entryColumn(variable: Variable, entry: number): Column {
  const question = variable.repeat?.question ?? variable.question;
  const column: Column & { repeat?: unknown } = {
    ...variable,
    key: variable.key.replace(ENTRY_PLACEHOLDER, String(entry)),
    path: [question, String(entry - 1), ...variable.path],
    entry,
  };
  delete column.repeat;
  return column;
}
