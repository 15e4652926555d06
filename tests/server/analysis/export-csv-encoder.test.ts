import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvStream, encodeCsv, type CsvCell, type CsvRecords } from '../../../server/analysis/export/csv-encoder.js';
import { exportFileName } from '../../../server/analysis/export/file-names.js';
import { createSheetNamer } from '../../../server/analysis/export/sheet-names.js';

describe('the CSV encoder', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+49 30', "'+49 30"],
    ['-3', "'-3"],
    ['@home', "'@home"],
    ['\tindent', "'\tindent"],
    ['\rreturn', `"'\rreturn"`],
    ['=a,b', `"'=a,b"`],
    ["'quoted", "'quoted"],
    ['a=b', 'a=b'],
    ['＝full-width', '＝full-width'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('writes numbers as digits (a negative one neutralised, as API.md names "-"), null as an empty cell', () => {
    expect([12, 0, 0.3333, -3, null].map(csvField)).toEqual(['12', '0', '0.3333', "'-3", '']);
  });

  it('ends every line with CRLF and starts a file with a BOM', () => {
    expect(csvLine(['a', 'b,c', 1])).toBe('a,"b,c",1\r\n');
    expect(csvLine([])).toBe('\r\n');
    expect(encodeCsv([['x'], ['y']])).toBe('\uFEFFx\r\ny\r\n');
  });

  it('writes what csv-stringify writes, with the apostrophe rule applied first (generated records)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ö', ',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', '1', '€') });
    const cell = fc.oneof(text, fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 6 }), (records: CsvCell[][]) => {
        const neutral = records.map((record) => record.map((value) => (value === null ? '' : /^[=+\-@\t\r]/.test(String(value)) ? `'${String(value)}` : String(value))));
        const reference = stringify(neutral, { bom: true, record_delimiter: '\r\n', quote_record_delimiter: true });
        expect(encodeCsv(records)).toBe(records.length === 0 ? '\uFEFF' : reference);
      }),
      { numRuns: 500 },
    );
  });

  it('streams in chunks, asks for records only as the reader reads, and returns the iterator when the reader leaves', async () => {
    let asked = 0;
    let returned = false;
    async function* many(): AsyncGenerator<CsvRecords> {
      try {
        for (let index = 0; index < 100_000; index += 1) {
          asked += 1;
          yield [[index, 'x'.repeat(100)]];
        }
      } finally {
        returned = true;
      }
    }
    const stream = csvStream(many());
    const first: Buffer = await new Promise((resolve) => stream.once('data', resolve));
    expect(first.toString('utf8').startsWith('\uFEFF0,')).toBe(true);
    stream.pause();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A few chunks of about 64 KB: not the 100,000 records.
    expect(asked).toBeLessThan(3_000);
    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));
    expect(returned).toBe(true);
  });

  it('reads a whole iterable to the end', async () => {
    let text = '';
    await pipeline(csvStream([[['a']], [['b'], ['c']]]), new Writable({ write: (chunk: Buffer, _encoding, done) => ((text += chunk.toString()), done()) }));
    expect(text).toBe('\uFEFFa\r\nb\r\nc\r\n');
  });
});

describe('download file names', () => {
  const at = new Date('2026-12-02T23:30:00Z');
  it.each([
    [{ kind: 'responses', layout: 'wide' }, 'analysis', 'national-cooperation_v2_responses-wide_2026-12-02.csv'],
    [{ kind: 'responses', layout: 'long' }, 'publication', 'national-cooperation_v2_responses-long_publication_2026-12-02.csv'],
    [{ kind: 'comparison', table: null }, 'analysis', 'national-cooperation_v2_comparison_2026-12-02.csv'],
    [{ kind: 'comparison', table: 'national-coordination' }, 'publication', 'national-cooperation_v2_comparison-national-coordination_publication_2026-12-02.csv'],
    [{ kind: 'summary' }, 'analysis', 'national-cooperation_v2_summary_2026-12-02.csv'],
    [{ kind: 'codebook' }, 'analysis', 'national-cooperation_v2_codebook_2026-12-02.csv'],
    [{ kind: 'workbook' }, 'analysis', 'national-cooperation_v2_workbook_2026-12-02.xlsx'],
  ] as const)('%j for %s', (what, audience, name) => {
    expect(exportFileName({ surveyId: 'national-cooperation', versions: { version: 2 }, what, audience, at })).toBe(name);
  });

  it('names both versions of two rounds, and the day in UTC', () => {
    expect(exportFileName({ surveyId: 'national-cooperation', versions: { from: 1, to: 2 }, what: { kind: 'rounds' }, audience: 'analysis', at })).toBe(
      'national-cooperation_v1-v2_rounds_2026-12-02.csv',
    );
  });
});

describe('worksheet names', () => {
  it('keeps Excel’s rules: 31 characters, no []:*?/\\, no edge apostrophes, unique regardless of case, fixed sheets reserved', () => {
    const name = createSheetNamer(['Responses', 'Summary', 'Codebook']);
    expect(name('National coordination structures and more')).toBe('National coordination structure');
    expect(name('National coordination structures and more')).toBe('National coordination struc (2)');
    expect(name('Identification: [who]? / *how* \\ when')).toBe('Identification who how when');
    expect(name("'Quoted'")).toBe('Quoted');
    expect(name('summary')).toBe('summary (2)');
    expect(name('History')).toBe('History (2)');
    expect(name('  ')).toBe('Sheet');
  });
});
