import { LONG_COLUMNS, longRows, wideColumnsFor, wideHeader, wideRow } from '../../questionnaire/index.js';
import type { CsvRecords } from './csv-encoder.js';
import { presentationOf, repeatCountsOf, shownReplyPages } from './counted-replies.js';
import { replyScope, type ExportContext } from './export-context.js';
import type { CursorOptions, Snapshot } from './snapshot-cursor.js';

/**
 * responses.csv (API.md, Analysis) in the core's layout (questionnaire/csv-layout.ts): wide, one
 * line per reply with a column per variable, dynamic panels up to the largest count among the
 * counted replies; or long, one line per answered variable.
 */

export type ResponsesLayout = { readonly layout: 'wide' | 'long'; readonly values: 'codes' | 'labels' };

export function responsesRecords(context: ExportContext, { layout, values }: ResponsesLayout, options: CursorOptions = {}) {
  return async function* (snapshot: Snapshot): AsyncGenerator<CsvRecords> {
    const scope = replyScope(context);
    const presentation = await presentationOf(snapshot, scope, context.fullCatalogue, context.filter.audience);
    if (layout === 'long') {
      yield [LONG_COLUMNS];
      // A reply's lines at a time (~300 in v2): a page's would be one string of megabytes.
      for await (const page of shownReplyPages(snapshot, scope, presentation, options)) {
        for (const reply of page) {
          yield longRows(context.catalogue, reply.data, { values }).map((row) => [reply.memberState, row.variable, row.question, row.value, row.label]);
        }
      }
      return;
    }
    const columns = wideColumnsFor(context.catalogue, await repeatCountsOf(snapshot, scope, context.catalogue));
    yield [wideHeader(columns)];
    for await (const page of shownReplyPages(snapshot, scope, presentation, options)) {
      yield page.map((reply) =>
        wideRow(columns, reply.data, { values }, [reply.memberState, reply.memberStateName, reply.status, reply.revision, reply.submittedAt?.toISOString() ?? null]),
      );
    }
  };
}
