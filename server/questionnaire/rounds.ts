import type { Catalogue } from './catalogue.js';
import { comparisonCell, comparisonColumn, createSummaryCounter, summarySpecs } from './comparison.js';
import type { ChoiceCount, ComparisonCell, ComparisonColumn, SummarySpec } from './comparison.js';
import { isRecodedThrough, mapAnswers, questionNameThrough } from './crosswalk.js';
import type { Crosswalk } from './crosswalk.js';
import { isJsonObject } from './json.js';
import { expandRepeats, repeatCounts } from './repeats.js';
import type { Column, RepeatCounts } from './repeats.js';

/**
 * Two rounds of a survey side by side (issue 10, item 2). The earlier round's answers are
 * carried through the crosswalk (mapAnswers) into the later version's names and codes, so a
 * paired variable reads both rounds with the later version's column and `changed` compares like
 * with like. What only the earlier round asked is `dropped`, what only the later asks `added`:
 * never silently paired.
 *
 * Streaming-friendly: roundsLayout() needs only the repeat counts; createRounds() then takes
 * one member state's pair of replies at a time and keeps the per-variable and per-round tallies.
 */

export type RoundVersion = { readonly version: number; readonly catalogue: Catalogue };

export type VariableRef = { readonly key: string; readonly question: string };

/** A variable is headed as a comparison's column is. */
export type RoundVariable =
  | (ComparisonColumn & {
      readonly kind: 'paired';
      readonly from: VariableRef;
      readonly to: VariableRef;
      readonly renamed: boolean;
      readonly recoded: boolean;
      /** States answering in both rounds whose answers differ. */
      readonly changedStates: number;
    })
  | (ComparisonColumn & { readonly kind: 'dropped'; readonly from: VariableRef })
  | (ComparisonColumn & { readonly kind: 'added'; readonly to: VariableRef });

/** A round's cell: the value and label, or null where the variable is not asked in that round. */
export type RoundCell = {
  readonly key: string;
  readonly from: Omit<ComparisonCell, 'key'> | null;
  readonly to: Omit<ComparisonCell, 'key'> | null;
  readonly changed: boolean;
};

export type RoundTally = { readonly answered: number; readonly counts: readonly ChoiceCount[] };

export type RoundSummary = {
  readonly key: string;
  readonly question: string;
  readonly title: string;
  readonly kind: RoundVariable['kind'];
  readonly from: RoundTally | null;
  readonly to: RoundTally | null;
};

/** One variable of the layout with the columns it is read with. */
type Entry =
  | { readonly kind: 'paired'; readonly fromColumn: Column; readonly toColumn: Column; readonly renamed: boolean; readonly recoded: boolean }
  | { readonly kind: 'dropped'; readonly fromColumn: Column }
  | { readonly kind: 'added'; readonly toColumn: Column };

export type RoundsLayout = {
  readonly from: RoundVersion;
  readonly to: RoundVersion;
  readonly crosswalk: Crosswalk;
  readonly entries: readonly Entry[];
};

/** The earlier round's data in the later version's names and codes. */
export function carryForward(crosswalk: Crosswalk, from: number, to: number, data: unknown): Record<string, unknown> {
  return mapAnswers(crosswalk, from, to, isJsonObject(data) ? data : {}).data;
}

/**
 * The earlier version's questions to show for a selection of question names: those carried to a
 * selected name, and those named themselves (a named table may list a question only the earlier
 * round asked).
 */
export function earlierQuestions(crosswalk: Crosswalk, from: RoundVersion, to: number, names: ReadonlySet<string>): Set<string> {
  const questions = new Set<string>();
  for (const variable of from.catalogue.variables) {
    const carried = questionNameThrough(crosswalk, from.version, to, variable.question);
    if (names.has(variable.question) || (carried !== null && names.has(carried))) questions.add(variable.question);
  }
  return questions;
}

/**
 * Lays the two rounds out. `fromData` and `toData` are the counted replies of each round (raw,
 * as stored): they give dynamic panels as many entries as the largest reply has.
 */
export function roundsLayout(crosswalk: Crosswalk, from: RoundVersion, to: RoundVersion, fromData: readonly unknown[], toData: readonly unknown[]): RoundsLayout {
  const carried = fromData.map((data) => carryForward(crosswalk, from.version, to.version, data));
  const toCounts = repeatCounts(to.catalogue, [...toData, ...carried]);
  const toColumns = expandRepeats(to.catalogue, toCounts);
  const fromColumns = expandRepeats(from.catalogue, earlierCounts(crosswalk, from, to.version, fromData, toCounts));
  const toByKey = new Map(toColumns.map((column, index) => [column.key, index]));

  const pairedFrom = new Map<number, Column>();
  /** Dropped columns after the to-column index they follow (-1: before every one). */
  const droppedAfter = new Map<number, Column[]>();
  let anchor = -1;
  for (const column of fromColumns) {
    const question = questionNameThrough(crosswalk, from.version, to.version, column.question);
    const target = question === null ? undefined : toByKey.get(question + column.key.slice(column.question.length));
    if (target !== undefined && !pairedFrom.has(target)) {
      pairedFrom.set(target, column);
      anchor = target;
    } else {
      droppedAfter.set(anchor, [...(droppedAfter.get(anchor) ?? []), column]);
    }
  }

  const entries: Entry[] = [];
  const pushDropped = (index: number) => {
    for (const fromColumn of droppedAfter.get(index) ?? []) entries.push({ kind: 'dropped', fromColumn });
  };
  pushDropped(-1);
  toColumns.forEach((toColumn, index) => {
    const fromColumn = pairedFrom.get(index);
    if (fromColumn) {
      entries.push({
        kind: 'paired',
        fromColumn,
        toColumn,
        renamed: fromColumn.question !== toColumn.question,
        recoded: isRecodedThrough(crosswalk, from.version, to.version, fromColumn.question),
      });
    } else {
      entries.push({ kind: 'added', toColumn });
    }
    pushDropped(index);
  });
  return { from, to, crosswalk, entries };
}

/**
 * Entries for the earlier round's repeats: as many as the later layout has for the question
 * they are carried to, so that an entry only one round's replies reach is still paired (and
 * unanswered in the other), not taken for a new variable.
 */
export function earlierCounts(crosswalk: Crosswalk, from: RoundVersion, to: number, fromData: readonly unknown[], toCounts: RepeatCounts): Map<string, number> {
  const counts = repeatCounts(from.catalogue, fromData);
  for (const [question, count] of counts) {
    const carried = questionNameThrough(crosswalk, from.version, to, question);
    counts.set(question, Math.max(count, (carried === null ? undefined : toCounts.get(carried)) ?? 0));
  }
  return counts;
}

export type RoundsAccumulator = {
  /** One member state: its counted reply in each round, null where it has none. */
  add(fromData: unknown | null, toData: unknown | null): RoundCell[];
  variables(): RoundVariable[];
  summaries(): RoundSummary[];
};

export function createRounds(layout: RoundsLayout): RoundsAccumulator {
  const { entries, crosswalk } = layout;
  const changed = entries.map(() => 0);
  const summaries = roundSummarySpecs(entries);
  const fromCounters = summaries.map((summary) => summary.fromSpec && createSummaryCounter([summary.fromSpec]));
  const toCounters = summaries.map((summary) => summary.toSpec && createSummaryCounter([summary.toSpec]));

  return {
    add(fromData, toData) {
      const carried = fromData === null ? null : carryForward(crosswalk, layout.from.version, layout.to.version, fromData);
      summaries.forEach((summary, index) => {
        if (summary.fromSpec) {
          const data = summary.kind === 'dropped' ? fromData : carried;
          if (data !== null) fromCounters[index]?.add(data);
        }
        if (toData !== null) toCounters[index]?.add(toData);
      });
      return entries.map((entry, index) => {
        const fromCell = entry.kind === 'added' ? null : side(entry.kind === 'paired' ? entry.toColumn : entry.fromColumn, entry.kind === 'paired' ? carried : fromData);
        const toCell = entry.kind === 'dropped' ? null : side(entry.toColumn, toData);
        const differs = fromCell !== null && toCell !== null && fromCell.value !== null && toCell.value !== null && fromCell.value !== toCell.value;
        if (differs) changed[index] = (changed[index] ?? 0) + 1;
        return { key: entryKey(entry), from: fromCell, to: toCell, changed: differs };
      });
    },
    variables() {
      return entries.map((entry, index) => roundVariable(entry, changed[index] ?? 0));
    },
    summaries() {
      return summaries.map((summary, index) => ({
        key: summary.key,
        question: summary.question,
        title: summary.title,
        kind: summary.kind,
        from: tally(fromCounters[index]),
        to: tally(toCounters[index]),
      }));
    },
  };
}

function side(column: Column, data: unknown | null): Omit<ComparisonCell, 'key'> {
  if (data === null) return { value: null, label: null };
  const { value, label } = comparisonCell(column, data);
  return { value, label };
}

function tally(counter: ReturnType<typeof createSummaryCounter> | undefined): RoundTally | null {
  const [summary] = counter?.result() ?? [];
  return summary ? { answered: summary.answered, counts: summary.counts } : null;
}

function entryKey(entry: Entry): string {
  return entry.kind === 'dropped' ? entry.fromColumn.key : entry.toColumn.key;
}

const ref = (column: Column): VariableRef => ({ key: column.key, question: column.question });

function roundVariable(entry: Entry, changedStates: number): RoundVariable {
  switch (entry.kind) {
    case 'paired':
      return { kind: 'paired', ...comparisonColumn(entry.toColumn), from: ref(entry.fromColumn), to: ref(entry.toColumn), renamed: entry.renamed, recoded: entry.recoded, changedStates };
    case 'dropped':
      return { kind: 'dropped', ...comparisonColumn(entry.fromColumn), from: ref(entry.fromColumn) };
    case 'added':
      return { kind: 'added', ...comparisonColumn(entry.toColumn), to: ref(entry.toColumn) };
  }
}

type RoundSummarySpec = {
  readonly key: string;
  readonly question: string;
  readonly title: string;
  readonly kind: RoundVariable['kind'];
  readonly fromSpec?: SummarySpec;
  readonly toSpec?: SummarySpec;
};

/**
 * A summary per coded variable (or checkbox question) in layout order. A later-version summary
 * counts the carried earlier round too unless all its columns are new; the earlier round's
 * dropped variables are counted on their own columns.
 */
function roundSummarySpecs(entries: readonly Entry[]): RoundSummarySpec[] {
  const order = new Map<Column, number>();
  const kindOf = new Map<Column, Entry['kind']>();
  entries.forEach((entry, index) => {
    const column = entry.kind === 'dropped' ? entry.fromColumn : entry.toColumn;
    order.set(column, index);
    kindOf.set(column, entry.kind);
  });
  const toColumns = entries.flatMap((entry) => (entry.kind === 'dropped' ? [] : [entry.toColumn]));
  const droppedColumns = entries.flatMap((entry) => (entry.kind === 'dropped' ? [entry.fromColumn] : []));
  const specs: Array<RoundSummarySpec & { at: number }> = [
    ...summarySpecs(toColumns).map((spec) => {
      const added = spec.columns.every((column) => kindOf.get(column) === 'added');
      const kind: RoundVariable['kind'] = added ? 'added' : 'paired';
      return { key: spec.variable, question: spec.question, title: spec.title, kind, toSpec: spec, ...(added ? {} : { fromSpec: spec }), at: firstIndex(spec, order) };
    }),
    ...summarySpecs(droppedColumns).map((spec) => ({
      key: spec.variable,
      question: spec.question,
      title: spec.title,
      kind: 'dropped' as const,
      fromSpec: spec,
      at: firstIndex(spec, order),
    })),
  ];
  return specs.sort((a, b) => a.at - b.at).map(({ at: _at, ...spec }) => spec);
}

function firstIndex(spec: SummarySpec, order: ReadonlyMap<Column, number>): number {
  return Math.min(...spec.columns.map((column) => order.get(column) ?? Number.MAX_SAFE_INTEGER));
}
