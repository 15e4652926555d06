import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';

/**
 * Files the cross-role story hands to the browser (a SurveyJS definition to upload) and takes
 * from it (downloads), read back as an analyst's spreadsheet would read them.
 */

let made: string | null = null;
/** One folder for the run's files; each file gets a folder of its own in it, so names never clash. */
const folder = () => fs.mkdtempSync(path.join((made ??= fs.mkdtempSync(path.join(os.tmpdir(), 'ncs-story-'))), 'file-'));

/** Removes every file this module wrote or saved. */
export function removeStoryFiles(): void {
  if (made) fs.rmSync(made, { recursive: true, force: true });
  made = null;
}

/** `definition` as a JSON file on disk, for an `<input type="file">`. */
export function definitionFile(name: string, definition: unknown): string {
  const file = path.join(folder(), name);
  fs.writeFileSync(file, JSON.stringify(definition, null, 2));
  return file;
}

/**
 * A follow-up round of three questions. `broken` gives the third the first's name and makes the
 * second's condition refer to a question that does not exist: the publish check finds both.
 */
export function followUpDefinition({ broken }: { broken: boolean }): unknown {
  return {
    title: '2011 follow-up',
    pages: [
      {
        name: 'follow_up',
        title: 'Follow-up',
        elements: [
          { type: 'radiogroup', name: 'hotline', title: 'Is there a national hotline for victims?', isRequired: true, choices: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }] },
          { type: 'comment', name: 'hotline_operator', title: 'Who runs the hotline?', visibleIf: broken ? "{hotline_exists} = 'yes'" : "{hotline} = 'yes'" },
          { type: 'text', name: broken ? 'hotline' : 'hotline_number', title: 'The hotline’s telephone number' },
        ],
      },
    ],
  };
}

async function saved(download: Download): Promise<string> {
  const file = path.join(folder(), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** A downloaded CSV as rows keyed by its header, and its raw text (for the BOM and line ends). */
export async function csvOf(download: Download): Promise<{ text: string; rows: Record<string, string>[] }> {
  const text = fs.readFileSync(await saved(download), 'utf8');
  return { text, rows: parse(text, { bom: true, columns: true }) as Record<string, string>[] };
}

/** A downloaded workbook: each sheet's rows as arrays of cell values, column A first. */
export async function workbookOf(download: Download): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await saved(download));
  const sheets = new Map<string, unknown[][]>();
  for (const sheet of book.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = row.values as unknown[];
      rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, index) => values[index + 1] ?? null));
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}
