import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { CODEBOOK_COLUMNS, codebookRows, wideColumnsFor, WIDE_RESPONSE_COLUMNS } from '../../questionnaire/index.js';
import type { Catalogue } from '../../questionnaire/index.js';
import { comparisonTable, COMPARISON_STATE_COLUMNS } from './comparison-csv.js';
import { presentationOf, repeatCountsOf, shownReplies } from './counted-replies.js';
import { replyScope, type ExportContext } from './export-context.js';
import { createSheetNamer } from './sheet-names.js';
import { openSnapshot, type CursorOptions, type Snapshot } from './snapshot-cursor.js';
import { summaryTable } from './summary-csv.js';
import { typedCell, type TypedCell } from './typed-cell.js';

/**
 * workbook.xlsx: a sheet per named table of tables.json (its comparison, labels), then
 * Responses (wide, labels), Summary (the counts, without summary.csv's column per state) and
 * Codebook — streamed with exceljs' streaming writer, a
 * row at a time, from one snapshot. Every cell is typed: numbers as numbers, dates as dates, text
 * as a plain string cell, never a formula (exceljs makes a formula only of a `{ formula }`
 * value, so "=1+1" typed into an answer stays text). Header row bold and frozen.
 */

export const WORKBOOK_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const FIXED_SHEETS = { responses: 'Responses', summary: 'Summary', codebook: 'Codebook' } as const;

export type WorkbookPlan = {
  /** The named tables with at least one question in this version, each as its own comparison. */
  readonly tables: readonly { readonly title: string; readonly context: ExportContext }[];
  /** Every question (personal data as the filter says), for Responses and Summary. */
  readonly all: ExportContext;
  /** The whole catalogue, localized, for the codebook (personal data listed, marked). */
  readonly codebook: Catalogue;
};

type Cell = TypedCell | Date;

/**
 * exceljs is loaded when the first workbook is asked for, not at start-up: importing it took
 * about 0.3 s of every start (bench/BENCHMARKS.md, Start-up), for a download few people make.
 */
let excelModule: Promise<typeof ExcelJS> | undefined;
const loadExcel = () => (excelModule ??= import('exceljs').then((module) => module.default));

/**
 * The workbook as a stream. The snapshot is opened before the first byte, so that a failure
 * to get one is an error answer; the sheets are then written as the client reads. A client
 * that leaves stops the writing and ends the transaction.
 */
export async function workbookFromSnapshot(db: Kysely<Database>, plan: WorkbookPlan, options: CursorOptions = {}): Promise<Readable> {
  const excel = await loadExcel();
  const snapshot = await openSnapshot(db);
  const out = new PassThrough();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  void (async () => {
    try {
      await writeSheets(snapshot, workbook, plan, out, options);
      if (!out.destroyed) await workbook.commit();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      await snapshot.commit().execute().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    }
  })();
  return out;
}

async function writeSheets(snapshot: Snapshot, workbook: ExcelJS.stream.xlsx.WorkbookWriter, plan: WorkbookPlan, out: PassThrough, options: CursorOptions): Promise<void> {
  const sheetName = createSheetNamer(Object.values(FIXED_SHEETS));
  const sheet = (name: string, headings: readonly string[], widths: readonly number[]) => new SheetWriter(workbook, name, headings, widths, out);
  // Who the replies appear as, once for every sheet: for publication it reads every counted reply.
  const scope = replyScope(plan.all);
  const presentation = await presentationOf(snapshot, scope, plan.all.fullCatalogue, plan.all.filter.audience);

  for (const { title, context } of plan.tables) {
    const table = await comparisonTable(snapshot, context, 'labels', { ...options, presentation });
    const headings = [...COMPARISON_STATE_COLUMNS, ...table.columns.map((column) => column.title)];
    const writer = sheet(sheetName(title), headings, headings.map((heading, index) => (index < 2 ? 22 : widthFor(heading))));
    for await (const row of table.rows) if (!(await writer.row(row))) return;
    await writer.done();
  }

  const columns = wideColumnsFor(plan.all.catalogue, await repeatCountsOf(snapshot, scope, plan.all.catalogue));
  const headings = [...WIDE_RESPONSE_COLUMNS, ...columns.map((column) => column.key)];
  const responses = sheet(FIXED_SHEETS.responses, headings, headings.map((heading, index) => (index === 1 ? 22 : widthFor(heading))));
  for await (const reply of shownReplies(snapshot, scope, presentation, options)) {
    const cells: Cell[] = [reply.memberState, reply.memberStateName, reply.status, reply.revision, reply.submittedAt, ...columns.map((column) => typedCell(column, reply.data, 'labels'))];
    if (!(await responses.row(cells))) return;
  }
  await responses.done();

  const summary = await summaryTable(snapshot, plan.all, { ...options, stateColumns: false });
  const summarySheet = sheet(FIXED_SHEETS.summary, summary.headings, summary.headings.map(widthFor));
  for (const line of summary.lines()) if (!(await summarySheet.row(line))) return;
  await summarySheet.done();

  const codebook = sheet(FIXED_SHEETS.codebook, CODEBOOK_COLUMNS, [28, 20, 16, 14, 60, 16, 40, 14, 30]);
  for (const row of codebookRows(plan.codebook)) {
    const cells = CODEBOOK_COLUMNS.map((column) => (column === 'personal_data' ? Number(row[column]) : row[column]));
    if (!(await codebook.row(cells))) return;
  }
  await codebook.done();
}

/** Wide enough for the heading, within reason: long titles wrap in the bar above the sheet anyway. */
function widthFor(heading: string): number {
  return Math.min(40, Math.max(10, heading.length + 2));
}

/** One worksheet: the bold, frozen header row, then rows committed one by one. */
class SheetWriter {
  readonly #sheet: ExcelJS.Worksheet;
  readonly #out: PassThrough;

  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, headings: readonly string[], widths: readonly number[], out: PassThrough) {
    this.#out = out;
    this.#sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.#sheet.columns = widths.map((width) => ({ width }));
    const header = this.#sheet.addRow([...headings]);
    header.font = { bold: true };
    header.commit();
  }

  /**
   * Adds a row; false once the client has gone (stop writing). Waits while the output is full,
   * so that a slow client slows the cursor down instead of the rows piling up in memory.
   */
  async row(cells: readonly Cell[]): Promise<boolean> {
    if (this.#out.destroyed) return false;
    const row = this.#sheet.addRow(cells.map((cell) => cell ?? null));
    for (const [index, cell] of cells.entries()) if (cell instanceof Date) row.getCell(index + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.commit();
    if (this.#out.writableNeedDrain) await Promise.race([once(this.#out, 'drain'), once(this.#out, 'close')]);
    return !this.#out.destroyed;
  }

  async done(): Promise<void> {
    // A streamed sheet's commit writes synchronously into the workbook's stream.
    this.#sheet.commit();
  }
}
