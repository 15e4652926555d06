import { consentOf, expandRepeats } from '../../questionnaire/index.js';
import type { Column } from '../../questionnaire/index.js';
import type { CsvRecords } from './csv-encoder.js';
import { presentationOf, repeatCountsOf, shownReplies, type Presentation, type ShownReply } from './counted-replies.js';
import { replyScope, type ExportContext } from './export-context.js';
import type { CursorOptions, Snapshot } from './snapshot-cursor.js';
import { typedCell, type TypedCell } from './typed-cell.js';

/**
 * comparison.csv: the comparison table as shown (GET …/comparison) — a line per counted reply in
 * the comparison's order, its status and publication consent, then a column per variable, with
 * labels by default ("the table as shown") or codes. The workbook's table sheets are the same
 * lines.
 */

export const COMPARISON_STATE_COLUMNS = ['member_state', 'member_state_name', 'status', 'publication'] as const;

export type ComparisonLines = {
  readonly columns: readonly Column[];
  readonly rows: AsyncIterable<readonly TypedCell[]>;
};

/**
 * The table's columns (entries up to the largest count) and its lines, read in the snapshot.
 * `presentation`: who the replies appear as, when the caller has it already (a workbook's sheets
 * share one: for publication it reads every counted reply).
 */
export async function comparisonTable(
  snapshot: Snapshot,
  context: ExportContext,
  values: 'codes' | 'labels',
  { presentation: known, ...options }: CursorOptions & { readonly presentation?: Presentation } = {},
): Promise<ComparisonLines> {
  const scope = replyScope(context);
  const columns = expandRepeats(context.catalogue, await repeatCountsOf(snapshot, scope, context.catalogue));
  const presentation = known ?? (await presentationOf(snapshot, scope, context.fullCatalogue, context.filter.audience));
  const line = (reply: ShownReply): TypedCell[] => [
    reply.memberState,
    reply.memberStateName,
    reply.status,
    consentOf(context.fullCatalogue, reply.data),
    ...columns.map((column) => typedCell(column, reply.data, values)),
  ];
  async function* rows() {
    for await (const reply of shownReplies(snapshot, scope, presentation, options)) yield line(reply);
  }
  return { columns, rows: rows() };
}

export function comparisonRecords(context: ExportContext, values: 'codes' | 'labels', options: CursorOptions = {}) {
  return async function* (snapshot: Snapshot): AsyncGenerator<CsvRecords> {
    const table = await comparisonTable(snapshot, context, values, options);
    yield [[...COMPARISON_STATE_COLUMNS, ...table.columns.map((column) => column.key)]];
    for await (const row of table.rows) yield [row];
  };
}
