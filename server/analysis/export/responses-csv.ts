import { LONG_COLUMNS, wideColumnsFor, wideHeader } from '../../questionnaire/index.js';
import type { CsvPiece } from './csv-encoder.js';
import type { LinesLayout, ReplyText } from './csv-lines-job.js';
import type { CsvLinesPool } from './csv-lines.js';
import { presentationOf, repeatCountsOf, shownReplyPages, type ShownReply } from './counted-replies.js';
import { replyScope, type ExportContext } from './export-context.js';
import type { CursorOptions, Snapshot } from './snapshot-cursor.js';

/**
 * responses.csv (API.md, Analysis) in the core's layout (questionnaire/csv-layout.ts): wide, one
 * line per reply with a column per variable, dynamic panels up to the largest count among the
 * counted replies; or long, one line per answered variable. The header is written here, the
 * replies' lines by the worker threads of csv-lines.ts.
 */

export type ResponsesLayout = { readonly layout: 'wide' | 'long'; readonly values: 'codes' | 'labels' };

export function responsesRecords(context: ExportContext, { layout, values }: ResponsesLayout, lines: CsvLinesPool, options: CursorOptions = {}) {
  return async function* (snapshot: Snapshot): AsyncGenerator<CsvPiece> {
    const scope = replyScope(context);
    const presentation = await presentationOf(snapshot, scope, context.fullCatalogue, context.filter.audience);
    let plan: LinesLayout;
    if (layout === 'long') {
      plan = { layout, catalogue: context.catalogue, values };
      yield [LONG_COLUMNS];
    } else {
      const columns = wideColumnsFor(context.catalogue, await repeatCountsOf(snapshot, scope, context.catalogue));
      plan = { layout, columns, values };
      yield [wideHeader(columns)];
    }
    yield* lines.encode(plan, replyTexts(shownReplyPages(snapshot, scope, presentation, options, 'text'), layout));
  };
}

async function* replyTexts(pages: AsyncIterable<readonly ShownReply<string>[]>, layout: ResponsesLayout['layout']): AsyncGenerator<ReplyText[]> {
  for await (const page of pages) {
    yield page.map((reply) => ({
      leading:
        layout === 'wide'
          ? [reply.memberState, reply.memberStateName, reply.status, reply.revision, reply.submittedAt?.toISOString() ?? null]
          : [reply.memberState],
      data: reply.data,
    }));
  }
}
