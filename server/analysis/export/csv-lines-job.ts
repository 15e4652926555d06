import type { Catalogue, Column, CsvValues } from '../../questionnaire/index.js';
import { longRows, wideRow } from '../../questionnaire/index.js';
import { csvLine, type CsvCell } from './csv-encoder.js';

/**
 * What a worker thread does for responses.csv (csv-lines.ts): a page of replies, each its JSON
 * text and the response columns in front of its answers, laid out in the core's CSV layout and
 * encoded by the one encoder. Pure, so that the worker and its tests run the same function.
 */

export type LinesLayout =
  | { readonly layout: 'wide'; readonly columns: readonly Column[]; readonly values: CsvValues['values'] }
  | { readonly layout: 'long'; readonly catalogue: Catalogue; readonly values: CsvValues['values'] };

/** A reply as the main thread hands it over: its data still JSON text, never parsed there. */
export type ReplyText = {
  /** Wide: member state, its name, status, revision, submitted at. Long: the member state. */
  readonly leading: readonly CsvCell[];
  readonly data: string;
};

export function encodePage(layout: LinesLayout, rows: readonly ReplyText[]): string {
  let text = '';
  const options = { values: layout.values };
  for (const row of rows) {
    const data: unknown = JSON.parse(row.data);
    if (layout.layout === 'wide') {
      text += csvLine(wideRow<CsvCell>(layout.columns, data, options, row.leading));
      continue;
    }
    const memberState = row.leading[0] ?? null;
    for (const line of longRows(layout.catalogue, data, options)) text += csvLine([memberState, line.variable, line.question, line.value, line.label]);
  }
  return text;
}

/** Messages to a worker: a job's layout once, then its pages in order, then its end. */
export type ToWorker =
  | { readonly kind: 'start'; readonly job: number; readonly layout: LinesLayout }
  | { readonly kind: 'page'; readonly job: number; readonly page: number; readonly rows: readonly ReplyText[] }
  | { readonly kind: 'end'; readonly job: number };

/**
 * A worker's answer to a page: its lines as UTF-8 (handed over, not copied, and written to the
 * socket as they are: the main thread neither decodes nor encodes them), or why it could not
 * lay them out.
 */
export type FromWorker =
  | { readonly job: number; readonly page: number; readonly bytes: Uint8Array }
  | { readonly job: number; readonly page: number; readonly error: string };
