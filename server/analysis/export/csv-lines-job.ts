// The layout's own modules, not the core's index: a worker thread loads this, and survey-core
// (which the index brings in) would cost it ~0.3 s and tens of MB for nothing.
import type { Catalogue } from '../../questionnaire/catalogue.js';
import { longRows, wideRow, type CsvValues } from '../../questionnaire/csv-layout.js';
import type { Column } from '../../questionnaire/repeats.js';
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

/**
 * The page's lines as UTF-8, in a buffer of its own (so that it can be handed over, not
 * copied). Each reply's lines are written into it as soon as they are made, so that they die
 * young: a long page's text (~60,000 lines) kept as strings until the end outlived the young
 * generation, and one string for the whole page, built by appending, cost twice the CPU
 * (bench/BENCHMARKS.md, Analysis).
 */
export function encodePage(layout: LinesLayout, rows: readonly ReplyText[]): Buffer {
  const sink = new ByteSink(rows.length * BYTES_PER_REPLY[layout.layout]);
  const options = { values: layout.values };
  for (const row of rows) {
    const data: unknown = JSON.parse(row.data);
    if (layout.layout === 'wide') {
      sink.write(csvLine(wideRow<CsvCell>(layout.columns, data, options, row.leading)));
      continue;
    }
    const memberState = row.leading[0] ?? null;
    let text = '';
    for (const line of longRows(layout.catalogue, data, options)) text += csvLine([memberState, line.variable, line.question, line.value, line.label]);
    sink.write(text);
  }
  return sink.bytes();
}

/** A first guess of a reply's bytes (v2's complete reply: ~3.3 KB wide, ~40 KB long); the buffer grows past it. */
const BYTES_PER_REPLY = { wide: 4 * 1024, long: 48 * 1024 } as const;

class ByteSink {
  // allocUnsafeSlow: never a slice of Node's shared pool, which handing the buffer over would take from every other user.
  #buffer: Buffer;
  #length = 0;

  constructor(capacity: number) {
    this.#buffer = Buffer.allocUnsafeSlow(Math.max(capacity, 1024));
  }

  write(text: string): void {
    const size = Buffer.byteLength(text, 'utf8');
    if (this.#length + size > this.#buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.#buffer.length * 2, this.#length + size));
      this.#buffer.copy(grown, 0, 0, this.#length);
      this.#buffer = grown;
    }
    this.#length += this.#buffer.write(text, this.#length, 'utf8');
  }

  /** The bytes written, a view of the buffer (its unused end goes with it, handed over whole). */
  bytes(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }
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
