import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { expectStatus, signInNamed } from '../responses/support.js';
import { csvLines, csvObjects, fileNameOf, PILOT, PILOT_DEFINITION, pilotExport, setUpPilot, today, type Pilot } from './export-support.js';

/** comparison.csv, summary.csv, codebook.csv and rounds.csv for the fixed replies; a named table of the real survey. */

const NOTE = 'Plan, "2010–2014"\nsecond line';
const STATES = ['DK', 'EE', 'FI', 'DE', 'IS', 'LV', 'LT', 'NO', 'PL', 'RU', 'SE'];

describe('comparison, summary, codebook and rounds downloads', () => {
  let app: FastifyInstance;
  let pilot: Pilot;
  const get = (file: string, query = '') => pilot.analyst.inject({ method: 'GET', url: pilotExport(pilot.version, file, query) });

  beforeAll(async () => {
    app = await buildTestApp();
    pilot = await setUpPilot(app);
  });
  afterAll(() => app.close());

  it('comparison.csv is the comparison as shown: labels, status and consent per counted reply', async () => {
    const res = await get('comparison.csv');
    expect(fileNameOf(res)).toBe(`${PILOT}_v${pilot.version}_comparison_${today()}.csv`);
    const lines = csvLines(res);
    expect(lines).toEqual([
      [
        'member_state', 'member_state_name', 'status', 'publication', 'consent_publish', 'action_plan', 'plan_note', 'shelter_places', 'has_rapporteur',
        'roles.police', 'roles.ngo', 'roles.labour', 'roles.other', 'roles.other_text', 'orgs.count', 'orgs.1.org_name', 'orgs.2.org_name',
      ],
      ['EE', 'Estonia', 'submitted', 'as_received', 'As received', 'In force', NOTE, '12', 'Yes', 'Police', 'NGO', '', '', '', '2', "'=1+1", "'+x"],
      ['LV', 'Latvia', 'submitted', 'anonymised', 'Only anonymised', 'None', "'-3", '0', 'No', '', '', '', 'Other (describe)', "'@a", '', '', ''],
      ['LT', 'Lithuania', 'accepted', 'not_for_publication', 'Not for publication', 'In preparation', "'\tindented", '', '', '', 'NGO', '', '', '', '', '', ''],
    ]);

    // The same table as GET …/comparison, cell for cell.
    const json = expectStatus(await pilot.analyst.inject({ method: 'GET', url: `/api/surveys/${PILOT}/versions/${pilot.version}/comparison` }), 200);
    const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    expect(lines.slice(1)).toEqual(
      json.rows.map((row: { memberState: string; memberStateName: string; status: string; publication: string; cells: Array<{ label: string | null }> }) => [
        row.memberState, row.memberStateName, row.status, row.publication, ...row.cells.map((cell) => neutral(cell.label ?? '')),
      ]),
    );
    expect(lines[0]!.slice(4)).toEqual(json.columns.map((column: { key: string }) => column.key));
  });

  it('comparison.csv with codes, the status filter, and for publication', async () => {
    expect(csvLines(await get('comparison.csv', 'values=codes&questions=action_plan,has_rapporteur')).slice(1)).toEqual([
      ['EE', 'Estonia', 'submitted', 'as_received', 'in_force', '1'],
      ['LV', 'Latvia', 'submitted', 'anonymised', 'none', '0'],
      ['LT', 'Lithuania', 'accepted', 'not_for_publication', 'in_preparation', ''],
    ]);
    expect(csvObjects(await get('comparison.csv', 'status=draft')).map((row) => row.member_state)).toEqual(['FI']);
    const publication = await get('comparison.csv', 'for=publication&questions=action_plan');
    expect(fileNameOf(publication)).toBe(`${PILOT}_v${pilot.version}_comparison_publication_${today()}.csv`);
    expect(csvLines(publication).slice(1)).toEqual([
      ['EE', 'Estonia', 'submitted', 'as_received', 'In force'],
      ['State A', 'State A', 'submitted', 'anonymised', 'None'],
    ]);
  });

  it('summary.csv: a line per choice, zero counts included, share, and 1/0 per active state (empty without a counted reply)', async () => {
    const res = await get('summary.csv');
    expect(fileNameOf(res)).toBe(`${PILOT}_v${pilot.version}_summary_${today()}.csv`);
    const states = (ee: string, lv: string, lt: string) => STATES.map((state) => ({ EE: ee, LV: lv, LT: lt })[state] ?? '');
    expect(csvLines(res)).toEqual([
      ['question', 'variable', 'value', 'label', 'count', 'answered', 'share', ...STATES],
      ['consent_publish', 'consent_publish', 'as_received', 'As received', '1', '3', '0.3333', ...states('1', '0', '0')],
      ['consent_publish', 'consent_publish', 'anonymised', 'Only anonymised', '1', '3', '0.3333', ...states('0', '1', '0')],
      ['consent_publish', 'consent_publish', 'not_for_publication', 'Not for publication', '1', '3', '0.3333', ...states('0', '0', '1')],
      ['action_plan', 'action_plan', 'in_force', 'In force', '1', '3', '0.3333', ...states('1', '0', '0')],
      ['action_plan', 'action_plan', 'in_preparation', 'In preparation', '1', '3', '0.3333', ...states('0', '0', '1')],
      ['action_plan', 'action_plan', 'none', 'None', '1', '3', '0.3333', ...states('0', '1', '0')],
      ['has_rapporteur', 'has_rapporteur', '1', 'Yes', '1', '2', '0.5', ...states('1', '0', '0')],
      ['has_rapporteur', 'has_rapporteur', '0', 'No', '1', '2', '0.5', ...states('0', '1', '0')],
      ['roles', 'roles', 'police', 'Police', '1', '3', '0.3333', ...states('1', '0', '0')],
      ['roles', 'roles', 'ngo', 'NGO', '2', '3', '0.6667', ...states('1', '0', '1')],
      ['roles', 'roles', 'labour', "'@labour", '0', '3', '0', ...states('0', '0', '0')],
      ['roles', 'roles', 'other', 'Other (describe)', '1', '3', '0.3333', ...states('0', '1', '0')],
    ]);
  });

  it('summary.csv for publication: counts whole, the anonymised state under its alias, the refusing one without a column', async () => {
    const res = await get('summary.csv', 'for=publication&questions=action_plan');
    expect(fileNameOf(res)).toBe(`${PILOT}_v${pilot.version}_summary_publication_${today()}.csv`);
    const named = STATES.filter((state) => state !== 'LV' && state !== 'LT');
    const states = (ee: string, alias: string) => [...named.map((state) => (state === 'EE' ? ee : '')), alias];
    expect(csvLines(res)).toEqual([
      ['question', 'variable', 'value', 'label', 'count', 'answered', 'share', ...named, 'State A'],
      ['action_plan', 'action_plan', 'in_force', 'In force', '1', '3', '0.3333', ...states('1', '0')],
      ['action_plan', 'action_plan', 'in_preparation', 'In preparation', '1', '3', '0.3333', ...states('0', '0')],
      ['action_plan', 'action_plan', 'none', 'None', '1', '3', '0.3333', ...states('0', '1')],
    ]);
  });

  it('codebook.csv: a line per code of every variable, personal data listed and marked, in another locale', async () => {
    const res = await get('codebook.csv', 'locale=de');
    expect(fileNameOf(res)).toBe(`${PILOT}_v${pilot.version}_codebook_${today()}.csv`);
    const lines = csvLines(res);
    expect(lines[0]).toEqual(['variable', 'question', 'section', 'type', 'title', 'value', 'label', 'personal_data', 'section_title']);
    expect(lines).toContainEqual(['contact_person', 'contact_person', 'respondent', 'text', 'Contact person', '', '', '1', 'Respondent']);
    expect(lines).toContainEqual(['orgs.{n}.org_contact', 'orgs', 'coordination', 'text', 'Organisations — Contact', '', '', '1', 'Coordination']);
    expect(lines).toContainEqual(['action_plan', 'action_plan', 'coordination', 'choice', 'Action plan', 'in_force', 'In Kraft', '0', 'Coordination']);
    expect(lines).toContainEqual(['roles.labour', 'roles', 'coordination', 'checkbox-choice', 'Roles — @labour', '1', "'@labour", '0', 'Coordination']);
  });

  it('rounds.csv: each state’s answers in both rounds, dropped and added variables marked', async () => {
    const v2 = structuredClone(PILOT_DEFINITION) as { pages: Array<{ elements: Array<Record<string, unknown>> }> };
    const coordination = v2.pages[1]!;
    coordination.elements = [
      ...coordination.elements.filter((element) => element.name !== 'plan_note'),
      { type: 'text', name: 'stockholm_follow_up', title: 'Stockholm follow-up' },
    ];
    const { version } = expectStatus(await pilot.admin.inject({ method: 'POST', url: `/api/surveys/${PILOT}/versions`, payload: { definition: v2 } }), 201);
    const delegate = await signInNamed(app, 'delegate', 'EE', 'Eeva');
    const path = `/api/surveys/${PILOT}/versions/${version}/responses/EE`;
    expectStatus(await delegate.inject({ method: 'PATCH', url: path, payload: { baseRevision: 0, set: { action_plan: 'none', stockholm_follow_up: '=HYPERLINK("x")' } } }), 200);
    expectStatus(await delegate.inject({ method: 'POST', url: `${path}/submit`, payload: { revision: 1 } }), 200);

    const res = await pilot.analyst.inject({ method: 'GET', url: `/api/surveys/${PILOT}/export/rounds.csv?from=${pilot.version}&to=${version}` });
    expect(fileNameOf(res)).toBe(`${PILOT}_v${pilot.version}-v${version}_rounds_${today()}.csv`);
    const lines = csvLines(res);
    expect(lines[0]).toEqual(['member_state', 'member_state_name', 'variable', 'kind', 'title', 'from_value', 'from_label', 'to_value', 'to_label', 'changed']);
    const of = (state: string, variable: string) => lines.find((line) => line[0] === state && line[2] === variable);
    expect(of('EE', 'action_plan')).toEqual(['EE', 'Estonia', 'action_plan', 'paired', 'Action plan', 'in_force', 'In force', 'none', 'None', '1']);
    expect(of('EE', 'stockholm_follow_up')).toEqual(['EE', 'Estonia', 'stockholm_follow_up', 'added', 'Stockholm follow-up', '', '', `'=HYPERLINK("x")`, `'=HYPERLINK("x")`, '0']);
    expect(of('LV', 'plan_note')).toEqual(['LV', 'Latvia', 'plan_note', 'dropped', 'About the plan', "'-3", "'-3", '', '', '0']);
    expect(of('LT', 'action_plan')).toEqual(['LT', 'Lithuania', 'action_plan', 'paired', 'Action plan', 'in_preparation', 'In preparation', '', '', '0']);
    const labels = csvLines(await pilot.analyst.inject({ method: 'GET', url: `/api/surveys/${PILOT}/export/rounds.csv?from=${pilot.version}&to=${version}&questions=action_plan&values=labels` }));
    expect(labels.find((line) => line[0] === 'EE')).toEqual(['EE', 'Estonia', 'action_plan', 'paired', 'Action plan', 'In force', 'In force', 'None', 'None', '1']);
    expectStatus(await pilot.analyst.inject({ method: 'GET', url: `/api/surveys/${PILOT}/export/rounds.csv?from=${version}&to=${pilot.version}` }), 422, 'INVALID_FILTER');
  });

  it('writes an audit event for every download, naming the file', async () => {
    for (const file of ['comparison.csv', 'summary.csv', 'codebook.csv', 'workbook.xlsx']) {
      const res = await get(file, file === 'codebook.csv' ? '' : 'status=accepted');
      expect(res.statusCode, res.body).toBe(200);
      const [event] = expectStatus(await pilot.admin.inject({ method: 'GET', url: '/api/audit?action=export.downloaded&limit=1' }), 200);
      expect(event).toMatchObject({ actorEmail: pilot.analyst.user.email, target: `${PILOT}/${pilot.version}`, details: { file: fileNameOf(res), surveyId: PILOT, version: pilot.version } });
      if (file !== 'codebook.csv') expect(event.details.filter.status).toBe('accepted');
    }
    const log = await pilot.admin.inject({ method: 'GET', url: '/api/audit.csv?action=export.downloaded' });
    expect(log.headers['cache-control']).toBe('no-store');
    const [event] = expectStatus(await pilot.admin.inject({ method: 'GET', url: '/api/audit?action=export.downloaded&limit=1' }), 200);
    expect(event).toMatchObject({ actorEmail: pilot.admin.user.email, target: 'audit.csv', details: { file: fileNameOf(log), filter: { action: 'export.downloaded' } } });
  });

  it('refuses what it cannot do before any byte: an unknown table, a wrong value, a delegate', async () => {
    for (const file of ['comparison.csv', 'summary.csv']) {
      expectStatus(await get(file, 'table=nope'), 404, 'TABLE_NOT_FOUND');
      expectStatus(await get(file, 'status=drafts'), 422, 'INVALID_FILTER');
    }
    expectStatus(await get('summary.csv', 'personal=include'), 400);
    expectStatus(await get('codebook.csv', 'locale=xx'), 422, 'INVALID_FILTER');
    const delegate = await signInNamed(app, 'delegate', 'LV', 'Liga');
    for (const file of ['comparison.csv', 'summary.csv', 'codebook.csv', 'workbook.xlsx']) {
      expectStatus(await delegate.inject({ method: 'GET', url: pilotExport(pilot.version, file) }), 403, 'FORBIDDEN');
    }
    expectStatus(await delegate.inject({ method: 'GET', url: `/api/surveys/${PILOT}/export/rounds.csv?from=1&to=2` }), 403, 'FORBIDDEN');
  });
});

describe('a named table of the real questionnaire', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('has the table’s questions as columns and its id in the file name', async () => {
    const analyst = await signInNamed(app, 'analyst', null, 'Anna');
    const res = await analyst.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/2/export/comparison.csv?table=national-coordination' });
    expect(fileNameOf(res)).toBe(`national-cooperation_v2_comparison-national-coordination_${today()}.csv`);
    const [header] = csvLines(res);
    expect(header!.slice(0, 4)).toEqual(['member_state', 'member_state_name', 'status', 'publication']);
    expect(new Set(header!.slice(4).map((key) => key.split('.')[0]))).toEqual(
      new Set(['action_plan', 'action_plan_start_year', 'action_plan_end_year', 'national_coordinator', 'national_rapporteur', 'inter_agency_body', 'inter_agency_ngo_members', 'specialised_police_unit', 'specialised_ngo_count']),
    );
    expectStatus(await analyst.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/2/export/comparison.csv?table=no-such-table' }), 404, 'TABLE_NOT_FOUND');
  });
});
