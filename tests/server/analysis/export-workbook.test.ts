import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { complete, expectStatus, signInNamed } from '../responses/support.js';
import { fileNameOf, PILOT, pilotExport, setUpPilot, today, type Pilot } from './export-support.js';

/** workbook.xlsx read back with exceljs: sheets, frozen bold headers, typed cells, never a formula. */

async function workbookOf(res: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return book;
}

/** A sheet's rows as arrays of cell values (column A first). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, index) => values[index + 1] ?? null));
  });
  return rows;
}

describe('workbook.xlsx', () => {
  let app: FastifyInstance;
  let pilot: Pilot;
  beforeAll(async () => {
    app = await buildTestApp();
    pilot = await setUpPilot(app);
  });
  afterAll(() => app.close());

  it('has Responses (wide, labels), Summary and Codebook, each with a bold frozen header', async () => {
    const res = await pilot.analyst.inject({ method: 'GET', url: pilotExport(pilot.version, 'workbook.xlsx') });
    expect(fileNameOf(res)).toBe(`${PILOT}_v${pilot.version}_workbook_${today()}.xlsx`);
    const book = await workbookOf(res);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Responses', 'Summary', 'Codebook']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.columns.every((column) => (column.width ?? 0) >= 10)).toBe(true);
    }
  });

  it('writes answers as typed cells: numbers as numbers, dates as dates, text as text — a formula-like text stays text', async () => {
    const book = await workbookOf(await pilot.analyst.inject({ method: 'GET', url: pilotExport(pilot.version, 'workbook.xlsx') }));
    const responses = book.getWorksheet('Responses')!;
    const [header, ee, lv, lt] = rowsOf(responses);
    expect(header).toEqual([
      'member_state', 'member_state_name', 'status', 'revision', 'submitted_at', 'consent_publish', 'action_plan', 'plan_note', 'shelter_places', 'has_rapporteur',
      'roles.police', 'roles.ngo', 'roles.labour', 'roles.other', 'roles.other_text', 'orgs.count', 'orgs.1.org_name', 'orgs.2.org_name',
    ]);
    expect(ee).toEqual(['EE', 'Estonia', 'submitted', 2, expect.any(Date), 'As received', 'In force', 'Plan, "2010–2014"\nsecond line', 12, 'Yes', 'Police', 'NGO', null, null, null, 2, '=1+1', '+x']);
    expect(lv!.slice(0, 4)).toEqual(['LV', 'Latvia', 'submitted', 2]);
    expect(lv!.slice(5, 15)).toEqual(['Only anonymised', 'None', '-3', 0, 'No', null, null, null, 'Other (describe)', '@a']);
    expect(lt![2]).toBe('accepted');
    const formulaLike = responses.getRow(2).getCell(17);
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.formula).toBeUndefined();
    expect(responses.getRow(2).getCell(9).type).toBe(ExcelJS.ValueType.Number);
    expect(responses.getRow(3).getCell(8).value).toBe('-3');
    // And in the file itself: no formula element anywhere.
    expect(hasNoFormula(book)).toBe(true);
  });

  it('has the counts in Summary and every variable in Codebook', async () => {
    const book = await workbookOf(await pilot.analyst.inject({ method: 'GET', url: pilotExport(pilot.version, 'workbook.xlsx', 'locale=de') }));
    const summary = rowsOf(book.getWorksheet('Summary')!);
    expect(summary[0]).toEqual(['question', 'variable', 'value', 'label', 'count', 'answered', 'share']);
    expect(summary).toContainEqual(['action_plan', 'action_plan', 'in_force', 'In Kraft', 1, 3, 0.3333]);
    expect(summary).toContainEqual(['roles', 'roles', 'labour', '@labour', 0, 3, 0]);
    const codebook = rowsOf(book.getWorksheet('Codebook')!);
    expect(codebook[0]).toEqual(['variable', 'question', 'section', 'type', 'title', 'value', 'label', 'personal_data', 'section_title']);
    expect(codebook).toContainEqual(['contact_person', 'contact_person', 'respondent', 'text', 'Contact person', null, null, 1, 'Respondent']);
  });

  it('leaves personal data out unless an administrator asks; for publication, aliases and no refusing state', async () => {
    const keysOf = async (query: string, caller = pilot.analyst) =>
      rowsOf((await workbookOf(await caller.inject({ method: 'GET', url: pilotExport(pilot.version, 'workbook.xlsx', query) }))).getWorksheet('Responses')!);
    expect((await keysOf(''))[0]).not.toContain('contact_person');
    expectStatus(await pilot.analyst.inject({ method: 'GET', url: pilotExport(pilot.version, 'workbook.xlsx', 'personal=include') }), 403, 'PERSONAL_DATA_FORBIDDEN');
    const included = await keysOf('personal=include', pilot.admin);
    expect(included[0]).toContain('contact_person');
    expect(included[1]).toContain('Eeva Example');
    const publication = await pilot.analyst.inject({ method: 'GET', url: pilotExport(pilot.version, 'workbook.xlsx', 'for=publication') });
    expect(fileNameOf(publication)).toBe(`${PILOT}_v${pilot.version}_workbook_publication_${today()}.xlsx`);
    const rows = rowsOf((await workbookOf(publication)).getWorksheet('Responses')!);
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['EE', 'Estonia'],
      ['State A', 'State A'],
    ]);
  });
});

describe('workbook.xlsx of the real questionnaire', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('has a sheet per named table (its comparison, labels), named as Excel allows', async () => {
    const delegate = await signInNamed(app, 'delegate', 'EE', 'Eeva');
    const path = '/api/surveys/national-cooperation/versions/2/responses/EE';
    expectStatus(await delegate.inject({ method: 'PATCH', url: path, payload: { baseRevision: 0, set: complete(2) } }), 200);
    expectStatus(await delegate.inject({ method: 'POST', url: `${path}/submit`, payload: { revision: 1 } }), 200);
    const analyst = await signInNamed(app, 'analyst', null, 'Anna');
    const tables = expectStatus(await analyst.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/2/comparison?table=national-coordination' }), 200);

    const book = await workbookOf(await analyst.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/2/export/workbook.xlsx' }));
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names.slice(-3)).toEqual(['Responses', 'Summary', 'Codebook']);
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
    expect(names[0]).toBe(tables.table.title.slice(0, 31).trimEnd());

    const [header, estonia] = rowsOf(book.worksheets[0]!);
    expect(header).toEqual(['member_state', 'member_state_name', 'status', 'publication', ...tables.columns.map((column: { title: string }) => column.title)]);
    const row = tables.rows[0] as { cells: Array<{ value: string | number | null; label: string | null }> };
    expect(estonia).toEqual([
      'EE', 'Estonia', 'submitted', 'as_received',
      ...row.cells.map((cell) => (cell.value === null ? null : typeof cell.value === 'number' && cell.label === String(cell.value) ? cell.value : cell.label)),
    ]);
  });
});

/** exceljs reads a formula cell as a value with `formula`; none may be there. */
function hasNoFormula(book: ExcelJS.Workbook): boolean {
  let found = false;
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => (found ||= cell.type === ExcelJS.ValueType.Formula)));
  return !found;
}
