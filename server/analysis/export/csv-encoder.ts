import { Readable } from 'node:stream';

/**
 * The one CSV encoder of every download (API.md, Analysis; the audit log too): UTF-8 with a BOM
 * so that spreadsheets read it as UTF-8, CRLF line ends, RFC 4180 quoting of a field that holds
 * a quote, a comma, a CR or an LF (quotes doubled), and formula-like cells neutralised.
 *
 * Written here rather than by csv-stringify, which tests/server/analysis/export-csv-encoder.test.ts
 * holds it to on generated records: csv-stringify's general field handling (any delimiters,
 * casts, quoting options) cost about 0.4 µs a field, and a wide line has over 500 fields —
 * 40% of the wide export's time (bench/BENCHMARKS.md, Analysis). Its `escape_formulas` also
 * differs from the contract: it leaves a number starting with "-" alone and prefixes the
 * full-width ＝ ＋ － ＠ as well, while API.md names exactly `=`, `+`, `-`, `@`, tab and CR.
 */

/** A cell as the exporters hand it over: numbers are written as digits, null as an empty cell. */
export type CsvCell = string | number | null;
export type CsvRecord = readonly CsvCell[];
/**
 * What producers yield: a few records at a time (a reply's lines in the long layout). A yield
 * per record would cost more than writing it, at millions of records.
 */
export type CsvRecords = readonly CsvRecord[];

/**
 * Lines csvLine() has already encoded, as UTF-8, elsewhere (responses.csv's worker threads,
 * csv-lines.ts): written out as they are. Branded so that no other bytes pass for CSV.
 */
export type EncodedCsv = Buffer & { readonly encodedCsv: true };

export function encodedCsv(bytes: Uint8Array): EncodedCsv {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as EncodedCsv;
}

/** What a CSV body is made of: records to encode, or lines already encoded. */
export type CsvPiece = CsvRecords | EncodedCsv;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const CSV_BOM = '\uFEFF';

/**
 * Spreadsheets run a cell that starts with one of these as a formula; an apostrophe in front
 * makes them show it as text. Negative numbers too ("-3" becomes "'-3"): the contract names the
 * characters, not the meaning.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'].map((char) => char.charCodeAt(0)));
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === '') return '';
  // Most cells of a wide export are the ticks 1 and 0: nothing to quote or neutralise.
  if (cell === '1' || cell === '0') return cell;
  const text = typeof cell === 'number' ? String(cell) : cell;
  const neutral = FORMULA_START.has(text.charCodeAt(0)) ? `'${text}` : text;
  return NEEDS_QUOTES.test(neutral) ? `"${neutral.replace(QUOTE, '""')}"` : neutral;
}

export function csvLine(record: CsvRecord): string {
  let line = '';
  for (let index = 0; index < record.length; index += 1) line += (index === 0 ? '' : ',') + csvField(record[index] ?? null);
  return `${line}\r\n`;
}

/** The whole file as text, BOM included: for what is small and already in memory. */
export function encodeCsv(records: Iterable<CsvRecord>): string {
  let text = CSV_BOM;
  for (const record of records) text += csvLine(record);
  return text;
}

/** Lines are sent in chunks of about this many characters: a socket write per line would cost more than the line. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Records (a cursor's rows, typically) as a CSV byte stream. The next ones are asked for only
 * when the reader wants more, so a slow client slows the cursor down and memory holds one chunk.
 * A reader that goes away destroys the stream, which returns the iterator: the cursor's
 * generator then runs its `finally` and its transaction ends.
 */
export function csvStream(records: AsyncIterable<CsvPiece> | Iterable<CsvPiece>): Readable {
  return new CsvReadable(Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : fromSync(records[Symbol.iterator]()));
}

class CsvReadable extends Readable {
  readonly #records: AsyncIterator<CsvPiece>;
  #started = false;
  #reading = false;

  constructor(records: AsyncIterator<CsvPiece>) {
    super();
    this.#records = records;
  }

  override _read(): void {
    if (this.#reading) return;
    this.#reading = true;
    void this.#fill().finally(() => (this.#reading = false));
  }

  async #fill(): Promise<void> {
    try {
      let chunk = this.#started ? '' : CSV_BOM;
      this.#started = true;
      while (chunk.length < CHUNK_CHARS) {
        const next = await this.#records.next();
        if (this.destroyed) return;
        if (next.done) {
          if (chunk !== '') this.push(chunk);
          this.push(null);
          return;
        }
        if (Buffer.isBuffer(next.value)) {
          if (chunk !== '') this.push(chunk);
          chunk = '';
          // Already a large piece (a page of lines): sent as it is rather than gathered further.
          this.push(next.value);
          return;
        }
        for (const record of next.value) chunk += csvLine(record);
      }
      this.push(chunk);
    } catch (error) {
      this.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const ended = this.#records.return?.();
    if (!ended) return callback(error);
    ended.then(
      () => callback(error),
      (failure: unknown) => callback(error ?? (failure instanceof Error ? failure : new Error(String(failure)))),
    );
  }
}

function fromSync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return {
    next: async () => iterator.next(),
    return: async (value?: unknown) => iterator.return?.(value as T) ?? { done: true, value: value as T },
  };
}
