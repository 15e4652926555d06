import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs } from '../../helpers/people.js';
import { expectStatus } from '../responses/support.js';
import { csvLines, csvObjects, fileNameOf, PILOT, pilotExport, setUpPilot, today, type Pilot } from './export-support.js';

/** responses.csv (API.md, Analysis) for a fixed set of replies: exact files, filters, audit, access. */

const HEADER = [
  'member_state', 'member_state_name', 'status', 'revision', 'submitted_at',
  'consent_publish', 'action_plan', 'plan_note', 'shelter_places', 'has_rapporteur',
  'roles.police', 'roles.ngo', 'roles.labour', 'roles.other', 'roles.other_text',
  'orgs.count', 'orgs.1.org_name', 'orgs.2.org_name',
];
const NOTE = 'Plan, "2010–2014"\nsecond line';

describe('responses.csv', () => {
  let app: FastifyInstance;
  let pilot: Pilot;
  let submittedAt: Record<string, string>;
  const get = (query = '', caller = () => pilot.analyst) => caller().inject({ method: 'GET', url: pilotExport(pilot.version, 'responses.csv', query) });

  beforeAll(async () => {
    app = await buildTestApp();
    pilot = await setUpPilot(app);
    submittedAt = {};
    for (const state of ['EE', 'LV', 'LT']) {
      const res = await pilot.analyst.inject({ method: 'GET', url: `/api/surveys/${PILOT}/versions/${pilot.version}/responses/${state}` });
      submittedAt[state] = expectStatus(res, 200).submittedAt;
    }
  });
  afterAll(() => app.close());

  it('wide with codes: the response columns, then one per variable; personal data left out; formula-like text prefixed', async () => {
    const res = await get();
    expect(csvLines(res)).toEqual([
      HEADER,
      ['EE', 'Estonia', 'submitted', '2', submittedAt.EE, 'as_received', 'in_force', NOTE, '12', '1', '1', '1', '0', '0', '', '2', "'=1+1", "'+x"],
      ['LV', 'Latvia', 'submitted', '2', submittedAt.LV, 'anonymised', 'none', "'-3", '0', '0', '0', '0', '0', '1', "'@a", '', '', ''],
      ['LT', 'Lithuania', 'accepted', '3', submittedAt.LT, 'not_for_publication', 'in_preparation', "'\tindented", '', '', '0', '1', '0', '0', '', '', '', ''],
    ]);
    // RFC 4180: the comma, the quotes and the line break are quoted, quotes doubled.
    expect(res.body).toContain('"Plan, ""2010–2014""\nsecond line"');
    expect(res.body.split('\r\n')[0]).toBe(`\uFEFF${HEADER.join(',')}`);
    expect(fileNameOf(res)).toBe(`${PILOT}_v${pilot.version}_responses-wide_${today()}.csv`);
  });

  it('wide with labels: choice texts, Yes/No, a ticked choice’s label; numbers and text as they are', async () => {
    expect(csvLines(await get('values=labels')).slice(1)).toEqual([
      ['EE', 'Estonia', 'submitted', '2', submittedAt.EE, 'As received', 'In force', NOTE, '12', 'Yes', 'Police', 'NGO', '', '', '', '2', "'=1+1", "'+x"],
      ['LV', 'Latvia', 'submitted', '2', submittedAt.LV, 'Only anonymised', 'None', "'-3", '0', 'No', '', '', '', 'Other (describe)', "'@a", '', '', ''],
      ['LT', 'Lithuania', 'accepted', '3', submittedAt.LT, 'Not for publication', 'In preparation', "'\tindented", '', '', '', 'NGO', '', '', '', '', '', ''],
    ]);
  });

  it('long: a line per answered variable, codes or labels in the value column', async () => {
    const codes = await get('layout=long');
    expect(fileNameOf(codes)).toBe(`${PILOT}_v${pilot.version}_responses-long_${today()}.csv`);
    expect(csvLines(codes)).toEqual([
      ['member_state', 'variable', 'question', 'value', 'label'],
      ['EE', 'consent_publish', 'consent_publish', 'as_received', 'As received'],
      ['EE', 'action_plan', 'action_plan', 'in_force', 'In force'],
      ['EE', 'plan_note', 'plan_note', NOTE, ''],
      ['EE', 'shelter_places', 'shelter_places', '12', ''],
      ['EE', 'has_rapporteur', 'has_rapporteur', '1', 'Yes'],
      ['EE', 'roles.police', 'roles', '1', 'Police'],
      ['EE', 'roles.ngo', 'roles', '1', 'NGO'],
      ['EE', 'roles.labour', 'roles', '0', ''],
      ['EE', 'roles.other', 'roles', '0', ''],
      ['EE', 'orgs.count', 'orgs', '2', ''],
      ['EE', 'orgs.1.org_name', 'orgs', "'=1+1", ''],
      ['EE', 'orgs.2.org_name', 'orgs', "'+x", ''],
      ['LV', 'consent_publish', 'consent_publish', 'anonymised', 'Only anonymised'],
      ['LV', 'action_plan', 'action_plan', 'none', 'None'],
      ['LV', 'plan_note', 'plan_note', "'-3", ''],
      ['LV', 'shelter_places', 'shelter_places', '0', ''],
      ['LV', 'has_rapporteur', 'has_rapporteur', '0', 'No'],
      ['LV', 'roles.police', 'roles', '0', ''],
      ['LV', 'roles.ngo', 'roles', '0', ''],
      ['LV', 'roles.labour', 'roles', '0', ''],
      ['LV', 'roles.other', 'roles', '1', 'Other (describe)'],
      ['LV', 'roles.other_text', 'roles', "'@a", ''],
      ['LT', 'consent_publish', 'consent_publish', 'not_for_publication', 'Not for publication'],
      ['LT', 'action_plan', 'action_plan', 'in_preparation', 'In preparation'],
      ['LT', 'plan_note', 'plan_note', "'\tindented", ''],
      ['LT', 'roles.police', 'roles', '0', ''],
      ['LT', 'roles.ngo', 'roles', '1', 'NGO'],
      ['LT', 'roles.labour', 'roles', '0', ''],
      ['LT', 'roles.other', 'roles', '0', ''],
    ]);
    const labels = csvLines(await get('layout=long&values=labels'));
    expect(labels.filter((line) => line[0] === 'EE').map((line) => line[3])).toEqual(['As received', 'In force', NOTE, '12', 'Yes', 'Police', 'NGO', '', '', '2', "'=1+1", "'+x"]);
  });

  it('counts the replies the status filter names, in member-state order', async () => {
    const states = async (query: string) => csvObjects(await get(query)).map((row) => `${row.member_state}:${row.status}`);
    expect(await states('status=draft')).toEqual(['FI:draft']);
    expect(await states('status=submitted,draft')).toEqual(['EE:submitted', 'FI:draft', 'LV:submitted']);
    expect(await states('status=accepted')).toEqual(['LT:accepted']);
    expect(await states('status=returned')).toEqual([]);
    // The header is there even when no reply counts.
    expect(csvLines(await get('status=returned'))).toEqual([HEADER.slice(0, 16)]);
  });

  it('takes the columns of chosen questions, in another locale', async () => {
    expect(csvLines(await get('questions=roles,action_plan&values=labels&locale=de'))).toEqual([
      ['member_state', 'member_state_name', 'status', 'revision', 'submitted_at', 'action_plan', 'roles.police', 'roles.ngo', 'roles.labour', 'roles.other', 'roles.other_text'],
      ['EE', 'Estonia', 'submitted', '2', submittedAt.EE, 'In Kraft', 'Police', 'NGO', '', '', ''],
      ['LV', 'Latvia', 'submitted', '2', submittedAt.LV, 'None', '', '', '', 'Other (describe)', "'@a"],
      ['LT', 'Lithuania', 'accepted', '3', submittedAt.LT, 'In preparation', '', 'NGO', '', '', ''],
    ]);
  });

  it('includes personal data only for an administrator who asks, and the audit log says so', async () => {
    expectStatus(await get('personal=include'), 403, 'PERSONAL_DATA_FORBIDDEN');
    const res = await get('personal=include', () => pilot.admin);
    const [header, ee] = csvLines(res);
    expect(header).toEqual([
      ...HEADER.slice(0, 5), 'contact_person', ...HEADER.slice(5, 16), 'orgs.1.org_name', 'orgs.1.org_contact', 'orgs.2.org_name', 'orgs.2.org_contact',
    ]);
    expect(ee).toEqual(expect.arrayContaining(['Eeva Example', 'a@example.org']));
    const [event] = await downloads();
    expect(event).toMatchObject({ actorEmail: pilot.admin.user.email, details: { filter: { personal: 'include' } } });
    expectStatus(await get('personal=include&for=publication', () => pilot.admin), 422, 'INVALID_FILTER');
  });

  it('for publication: an anonymised state as its alias, a refusing state left out, the file name says so', async () => {
    const res = await get('for=publication');
    expect(fileNameOf(res)).toBe(`${PILOT}_v${pilot.version}_responses-wide_publication_${today()}.csv`);
    expect(csvObjects(res).map((row) => [row.member_state, row.member_state_name, row.action_plan])).toEqual([
      ['EE', 'Estonia', 'in_force'],
      ['State A', 'State A', 'none'],
    ]);
    expect(csvObjects(await get('for=publication&layout=long')).map((row) => row.member_state)).not.toContain('LV');
    expect(res.body).not.toContain('Latvia');
    expect(res.body).not.toContain('Lithuania');
  });

  it('writes an audit event per download: who, which file, which filter', async () => {
    const res = await get('status=submitted&layout=long&values=labels');
    const [event] = await downloads();
    expect(event).toMatchObject({
      actorEmail: pilot.analyst.user.email,
      action: 'export.downloaded',
      target: `${PILOT}/${pilot.version}`,
      details: {
        file: fileNameOf(res),
        surveyId: PILOT,
        version: pilot.version,
        filter: { status: 'submitted', questions: null, table: null, locale: null, personal: 'exclude', for: 'analysis', layout: 'long', values: 'labels' },
      },
    });
  });

  it('works with a bearer API token and no cookie', async () => {
    const { token } = expectStatus(await pilot.analyst.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'pandas' } }), 201);
    const res = await app.inject({ method: 'GET', url: pilotExport(pilot.version, 'responses.csv'), headers: { authorization: `Bearer ${token}` } });
    expect(csvObjects(res).map((row) => row.member_state)).toEqual(['EE', 'LV', 'LT']);
  });

  it('answers a wrong request with a JSON error before any byte of a file, and records no download', async () => {
    const before = (await downloads()).length;
    const delegate = await signInAs(app, 'delegate', 'EE');
    const refusals: Array<[string, number, string | undefined, typeof delegate]> = [
      ['table=national-coordination', 404, 'TABLE_NOT_FOUND', pilot.analyst],
      ['status=bogus', 422, 'INVALID_FILTER', pilot.analyst],
      ['questions=nope', 422, 'INVALID_FILTER', pilot.analyst],
      ['locale=xx', 422, 'INVALID_FILTER', pilot.analyst],
      ['layout=sideways', 400, undefined, pilot.analyst],
      ['values=both', 400, undefined, pilot.analyst],
      ['', 403, 'FORBIDDEN', delegate],
    ];
    for (const [query, status, code, caller] of refusals) {
      const res = await get(query, () => caller);
      expectStatus(res, status, code);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    expectStatus(await app.inject({ method: 'GET', url: pilotExport(pilot.version, 'responses.csv') }), 401, 'UNAUTHENTICATED');
    expectStatus(await pilot.analyst.inject({ method: 'GET', url: pilotExport(99, 'responses.csv') }), 404, 'SURVEY_VERSION_NOT_FOUND');
    expect((await downloads()).length).toBe(before);
  });

  /** The download events, newest first. */
  async function downloads() {
    const res = await pilot.admin.inject({ method: 'GET', url: '/api/audit?action=export.downloaded&limit=500' });
    return expectStatus(res, 200) as Array<{ actorEmail: string; action: string; target: string; details: Record<string, unknown> }>;
  }
});
