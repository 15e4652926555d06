import { chosenValues, createSummaryCounter, expandRepeats, summarySpecs } from '../../questionnaire/index.js';
import type { Summary, SummarySpec } from '../../questionnaire/index.js';
import type { CsvCell, CsvRecords } from './csv-encoder.js';
import { everyCountedReply, memberStatesOf, presentationOf, repeatCountsOf, type Presentation } from './counted-replies.js';
import { replyScope, type ExportContext } from './export-context.js';
import type { CursorOptions, Snapshot } from './snapshot-cursor.js';

/**
 * summary.csv (API.md): a line per choice of every coded variable, zero counts included —
 * `question, variable, value, label, count, answered, share` — then a column per active member
 * state with 1 when its counted reply chose it, 0 when not, empty when it has no counted reply.
 * The counts are the comparison's summaries (questionnaire/comparison.ts) over every counted
 * reply; for publication the state columns follow the comparison's rows: an anonymised state's
 * column is headed by its alias (after the named ones), a state that refused has none.
 */

export const SUMMARY_COLUMNS = ['question', 'variable', 'value', 'label', 'count', 'answered', 'share'] as const;

/** share = count / answered, at most 4 digits after the point; empty when nobody answered. */
export function share(count: number, answered: number): number | null {
  return answered === 0 ? null : Number((count / answered).toFixed(4));
}

/** A state column: its heading, and once its counted reply is read, a 1/0 per summary line. */
type StateColumn = { readonly heading: string; ticks: Uint8Array | null };

export type SummaryTable = { readonly headings: readonly string[]; readonly lines: () => Iterable<CsvCell[]> };

/**
 * Counts the counted replies in one pass; the state columns hold a byte per line and state.
 * `stateColumns: false` (the workbook's Summary sheet) leaves them out: the table sheets and
 * Responses show each state's answers, and with many states they would be most of the file.
 */
export async function summaryTable(
  snapshot: Snapshot,
  context: ExportContext,
  { stateColumns: withStates = true, ...options }: CursorOptions & { readonly stateColumns?: boolean } = {},
): Promise<SummaryTable> {
  const scope = replyScope(context);
  const columns = expandRepeats(context.catalogue, await repeatCountsOf(snapshot, scope, context.catalogue));
  const specs = summarySpecs(columns);
  const states = withStates
    ? stateColumns(await memberStatesOf(snapshot), await presentationOf(snapshot, scope, context.fullCatalogue, context.filter.audience))
    : NO_STATE_COLUMNS;
  const offsets = lineOffsets(specs);
  const lineCount = offsets[specs.length] ?? 0;
  const counter = createSummaryCounter(specs);

  for await (const reply of everyCountedReply(snapshot, scope, options)) {
    counter.add(reply.data);
    const state = states.byReply(reply.id, reply.memberState);
    if (!state) continue;
    const ticks = new Uint8Array(lineCount);
    specs.forEach((spec, index) => {
      const chosen = chosenValues(spec, reply.data) ?? [];
      spec.choices.forEach((choice, at) => {
        if (chosen.includes(choice.value)) ticks[(offsets[index] ?? 0) + at] = 1;
      });
    });
    state.ticks = ticks;
  }

  const summaries = counter.result();
  return {
    headings: [...SUMMARY_COLUMNS, ...states.ordered.map((state) => state.heading)],
    lines: () => summaryLines(summaries, offsets, states.ordered),
  };
}

function* summaryLines(summaries: readonly Summary[], offsets: readonly number[], states: readonly StateColumn[]): Generator<CsvCell[]> {
  for (const [index, summary] of summaries.entries()) {
    for (const [at, count] of summary.counts.entries()) {
      const line = (offsets[index] ?? 0) + at;
      yield [
        summary.question,
        summary.variable,
        count.value,
        count.label,
        count.count,
        summary.answered,
        share(count.count, summary.answered),
        ...states.map((state) => (state.ticks === null ? null : (state.ticks[line] ?? 0))),
      ];
    }
  }
}

/** offsets[i]: the first line of spec i; offsets[specs.length]: the number of lines. */
function lineOffsets(specs: readonly SummarySpec[]): number[] {
  const offsets = [0];
  for (const spec of specs) offsets.push((offsets[offsets.length - 1] ?? 0) + spec.choices.length);
  return offsets;
}

type StateColumns = {
  readonly ordered: readonly StateColumn[];
  /** The column a counted reply fills; none for an inactive state's reply or one left out. */
  byReply(id: string, code: string): StateColumn | undefined;
};

const NO_STATE_COLUMNS: StateColumns = { ordered: [], byReply: () => undefined };

/**
 * The state columns: every active state in member-state order, by code; for publication a
 * refusing state's column left out and an anonymised one moved to the end under its alias.
 */
function stateColumns(states: readonly { code: string; active: boolean }[], presentation: Presentation): StateColumns {
  const unnamed = presentation.audience === 'publication' ? presentation.unnamedStates : new Set<string>();
  const byCode = new Map<string, StateColumn>();
  for (const state of states) if (state.active && !unnamed.has(state.code)) byCode.set(state.code, { heading: state.code, ticks: null });
  const byAlias = new Map<string, StateColumn>();
  if (presentation.audience === 'publication') for (const { alias } of presentation.aliased) byAlias.set(alias, { heading: alias, ticks: null });
  return {
    ordered: [...byCode.values(), ...byAlias.values()],
    byReply(id: string, code: string): StateColumn | undefined {
      if (presentation.audience === 'analysis') return byCode.get(code);
      const shown = presentation.view.get(id);
      if (shown?.kind === 'alias') return byAlias.get(shown.alias);
      return shown?.kind === 'named' ? byCode.get(code) : undefined;
    },
  };
}

export function summaryRecords(context: ExportContext, options: CursorOptions = {}) {
  return async function* (snapshot: Snapshot): AsyncGenerator<CsvRecords> {
    const table = await summaryTable(snapshot, context, options);
    yield [table.headings];
    for (const line of table.lines()) yield [line];
  };
}
