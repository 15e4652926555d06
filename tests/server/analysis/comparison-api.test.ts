import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dataKeys } from '../../../server/analysis/replies.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { complete } from '../responses/support.js';
import { get, importTestSurvey, makeReplies, TEST_SURVEY } from './support.js';

const A = `/api/surveys/${TEST_SURVEY}/versions/2`;
const comparison = (query = '') => `${A}/comparison${query ? `?${query}` : ''}`;

const estonia = {
  consent: 'as_received',
  contact: { name: 'Mari Maasikas', email: 'mari@example.ee' },
  plan: 'in_force',
  roles: ['shelter'],
  rapporteur: true,
  ngo_count: 12,
  orgs: [
    { org_name: 'Living for Tomorrow', org_type: 'ngo', org_contact: 'info@example.ee' },
    { org_name: 'Police Board', org_type: 'state' },
  ],
};
const replies = [
  { state: 'EE', status: 'accepted', data: estonia },
  { state: 'LV', status: 'submitted', data: { consent: 'anonymised', plan: 'none', roles: ['identification', 'shelter'], rapporteur: false, orgs: [{ org_type: 'ngo' }] } },
  { state: 'LT', status: 'submitted', data: { consent: 'not_for_publication', plan: 'in_force', rapporteur: true } },
  { state: 'NO', status: 'submitted', data: { consent: 'anonymised', plan: 'drafting' } },
  // No consent given: never published.
  { state: 'DE', status: 'submitted', data: { plan: 'drafting' } },
  { state: 'FI', status: 'draft', data: { consent: 'as_received', plan: 'drafting' } },
  { state: 'SE', status: 'returned', data: { consent: 'as_received', plan: 'none' } },
] as const;

describe('GET …/comparison', () => {
  let app: FastifyInstance;
  let analyst: Caller;
  let admin: Caller;

  beforeAll(async () => {
    app = await buildTestApp();
    await importTestSurvey(app);
    await makeReplies(app, TEST_SURVEY, 2, replies);
    analyst = await signInAs(app, 'analyst');
    admin = await signInAs(app, 'admin');
  });
  afterAll(() => app.close());

  it('gives a column per variable, a row per counted reply in member-state order, summaries with zero counts', async () => {
    const body = await get(analyst, comparison('questions=plan,rapporteur'));
    expect(body.columns).toEqual([
      { key: 'plan', question: 'plan', title: 'Is there an action plan?', section: 'coordination', type: 'choice', questionType: 'radiogroup' },
      { key: 'rapporteur', question: 'rapporteur', title: 'Is there a national rapporteur?', section: 'coordination', type: 'boolean', questionType: 'boolean' },
    ]);
    expect(body.rows).toEqual([
      { memberState: 'EE', memberStateName: 'Estonia', status: 'accepted', publication: 'as_received', cells: [{ key: 'plan', value: 'in_force', label: 'In force' }, { key: 'rapporteur', value: 1, label: 'Yes' }] },
      { memberState: 'DE', memberStateName: 'Germany', status: 'submitted', publication: null, cells: [{ key: 'plan', value: 'drafting', label: 'Being drafted' }, { key: 'rapporteur', value: null, label: null }] },
      { memberState: 'LV', memberStateName: 'Latvia', status: 'submitted', publication: 'anonymised', cells: [{ key: 'plan', value: 'none', label: 'No' }, { key: 'rapporteur', value: 0, label: 'No' }] },
      { memberState: 'LT', memberStateName: 'Lithuania', status: 'submitted', publication: 'not_for_publication', cells: [{ key: 'plan', value: 'in_force', label: 'In force' }, { key: 'rapporteur', value: 1, label: 'Yes' }] },
      { memberState: 'NO', memberStateName: 'Norway', status: 'submitted', publication: 'anonymised', cells: [{ key: 'plan', value: 'drafting', label: 'Being drafted' }, { key: 'rapporteur', value: null, label: null }] },
    ]);
    expect(body.summaries).toEqual([
      {
        question: 'plan',
        variable: 'plan',
        title: 'Is there an action plan?',
        answered: 5,
        counts: [
          { value: 'in_force', label: 'In force', count: 2 },
          { value: 'drafting', label: 'Being drafted', count: 2 },
          { value: 'none', label: 'No', count: 1 },
        ],
      },
      {
        question: 'rapporteur',
        variable: 'rapporteur',
        title: 'Is there a national rapporteur?',
        answered: 3,
        counts: [
          { value: 1, label: 'Yes', count: 2 },
          { value: 0, label: 'No', count: 1 },
        ],
      },
    ]);
    expect(body).toMatchObject({ table: null, counted: 5, activeStates: 11, for: 'analysis' });
    expect(body.notCounted).toEqual([
      { memberState: 'DK', memberStateName: 'Denmark', status: 'not_started' },
      { memberState: 'FI', memberStateName: 'Finland', status: 'draft' },
      { memberState: 'IS', memberStateName: 'Iceland', status: 'not_started' },
      { memberState: 'PL', memberStateName: 'Poland', status: 'not_started' },
      { memberState: 'RU', memberStateName: 'Russian Federation', status: 'not_started' },
      { memberState: 'SE', memberStateName: 'Sweden', status: 'returned' },
    ]);
  });

  it('counts the statuses asked for', async () => {
    const body = await get(analyst, comparison('questions=plan&status=draft,returned'));
    expect(body.rows.map((row: { memberState: string; status: string; cells: Array<{ label: string }> }) => [row.memberState, row.status, row.cells[0]?.label])).toEqual([
      ['FI', 'draft', 'Being drafted'],
      ['SE', 'returned', 'No'],
    ]);
    expect(body.summaries[0].counts).toEqual([
      { value: 'in_force', label: 'In force', count: 0 },
      { value: 'drafting', label: 'Being drafted', count: 1 },
      { value: 'none', label: 'No', count: 1 },
    ]);
    expect(body.counted).toBe(2);
    expect(body.notCounted.map((state: { memberState: string; status: string }) => `${state.memberState}:${state.status}`)).toEqual([
      'DK:not_started',
      'EE:accepted',
      'DE:submitted',
      'IS:not_started',
      'LV:submitted',
      'LT:submitted',
      'NO:submitted',
      'PL:not_started',
      'RU:not_started',
    ]);
  });

  it('lays a dynamic panel out to the largest entry count among the counted replies', async () => {
    const body = await get(analyst, comparison('questions=orgs'));
    expect(body.columns.map((column: { key: string }) => column.key)).toEqual(['orgs.count', 'orgs.1.org_name', 'orgs.1.org_type', 'orgs.2.org_name', 'orgs.2.org_type']);
    expect(body.rows[0].cells).toEqual([
      { key: 'orgs.count', value: 2, label: '2' },
      { key: 'orgs.1.org_name', value: 'Living for Tomorrow', label: 'Living for Tomorrow' },
      { key: 'orgs.1.org_type', value: 'ngo', label: 'NGO' },
      { key: 'orgs.2.org_name', value: 'Police Board', label: 'Police Board' },
      { key: 'orgs.2.org_type', value: 'state', label: 'State body' },
    ]);
  });

  it('shows a named table: its questions this version asks, the others listed as missing', async () => {
    const body = await get(analyst, comparison('table=coordination'));
    expect(body.columns.map((column: { key: string }) => column.key)).toEqual(['plan', 'rapporteur']);
    expect(body.table).toEqual({ id: 'coordination', title: 'Coordination', description: 'Plan and rapporteur', missingQuestions: ['good_practice'] });
    expect(body.rows).toHaveLength(5);
  });

  it('gives labels and titles in a locale the definition translates into', async () => {
    const body = await get(analyst, comparison('questions=plan,rapporteur&locale=de'));
    expect(body.columns.map((column: { title: string }) => column.title)).toEqual(['Gibt es einen Aktionsplan?', 'Is there a national rapporteur?']);
    expect(body.rows[0].cells).toEqual([{ key: 'plan', value: 'in_force', label: 'In Kraft' }, { key: 'rapporteur', value: 1, label: 'Yes' }]);
    expect(body.summaries[0].counts.map((count: { label: string }) => count.label)).toEqual(['In Kraft', 'In Arbeit', 'Nein']);
  });

  it('leaves personal data out by default', async () => {
    const body = await get(analyst, comparison());
    const keys = body.columns.map((column: { key: string }) => column.key);
    expect(keys).not.toContain('contact.name');
    expect(keys).not.toContain('contact.email');
    expect(keys.filter((key: string) => key.includes('org_contact'))).toEqual([]);
    expect(keys).toContain('orgs.1.org_name');
    expect(JSON.stringify(body)).not.toContain('mari@example.ee');
  });

  it('includes personal data for an administrator who asks, and records it in the audit log', async () => {
    const body = await get(admin, comparison('questions=contact,orgs&personal=include'));
    expect(body.columns.map((column: { key: string }) => column.key)).toEqual([
      'contact.name', 'contact.email', 'orgs.count', 'orgs.1.org_name', 'orgs.1.org_type', 'orgs.1.org_contact', 'orgs.2.org_name', 'orgs.2.org_type', 'orgs.2.org_contact',
    ]);
    expect(body.rows[0].cells.slice(0, 2)).toEqual([{ key: 'contact.name', value: 'Mari Maasikas', label: 'Mari Maasikas' }, { key: 'contact.email', value: 'mari@example.ee', label: 'mari@example.ee' }]);
    const [event] = await app.audit.list({ action: 'analysis.personal_data' });
    expect(event).toMatchObject({
      actorId: admin.user.id,
      target: `${TEST_SURVEY}/2`,
      details: { view: 'comparison', filter: { status: 'submitted,accepted', questions: 'contact,orgs', table: null, locale: null, personal: 'include', for: 'analysis' } },
    });
  });

  it('refuses personal data to everyone but administrators (403 before a malformed query’s 400), and records nothing', async () => {
    const before = (await app.audit.list({ action: 'analysis.personal_data' })).length;
    for (const role of ['analyst', 'consultant'] as const) {
      const caller = await signInAs(app, role);
      const res = await caller.inject({ method: 'GET', url: comparison('personal=include&for=nonsense') });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('PERSONAL_DATA_FORBIDDEN');
    }
    expect(await app.audit.list({ action: 'analysis.personal_data' })).toHaveLength(before);
  });

  it('for publication: names who agreed, aliases the anonymised in the order of their ids, leaves out refusals and silence; counts stay whole', async () => {
    const body = await get(analyst, comparison('questions=plan&for=publication'));
    const ids = await app.db
      .selectFrom('responses')
      .select(['id', 'member_state_code'])
      .where('survey_id', '=', TEST_SURVEY)
      .where('version', '=', 2)
      .where('member_state_code', 'in', ['LV', 'NO'])
      .execute();
    const [first, second] = ids.sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => row.member_state_code);
    const planOf = { LV: 'No', NO: 'Being drafted' } as Record<string, string>;
    expect(body.rows.map((row: { memberState: string; memberStateName: string; publication: string; cells: Array<{ label: string }> }) => [row.memberState, row.memberStateName, row.publication, row.cells[0]?.label])).toEqual([
      ['EE', 'Estonia', 'as_received', 'In force'],
      ['State A', 'State A', 'anonymised', planOf[first!]],
      ['State B', 'State B', 'anonymised', planOf[second!]],
    ]);
    expect(body.summaries[0]).toMatchObject({ answered: 5, counts: [{ count: 2 }, { count: 2 }, { count: 1 }] });
    expect(body).toMatchObject({ counted: 5, activeStates: 11, for: 'publication' });
    const named = body.notCounted.map((state: { memberState: string }) => state.memberState);
    for (const hidden of ['LV', 'NO', 'LT', 'DE']) expect(named).not.toContain(hidden);
  });

  it('for publication leaves personal data out, and refuses to be asked for it', async () => {
    const body = await get(admin, comparison('questions=contact,plan&for=publication'));
    expect(body.columns.map((column: { key: string }) => column.key)).toEqual(['plan']);
    const res = await admin.inject({ method: 'GET', url: comparison('for=publication&personal=include') });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'INVALID_FILTER', details: [{ parameter: 'personal' }] });
  });

  it.each([
    ['status=submitted,finished', 422, 'INVALID_FILTER', { parameter: 'status', value: 'finished' }],
    ['questions=plan,nowhere', 422, 'INVALID_FILTER', { parameter: 'questions', value: 'nowhere' }],
    // Only round one asks it.
    ['questions=good_practice', 422, 'INVALID_FILTER', { parameter: 'questions', value: 'good_practice' }],
    ['locale=fr', 422, 'INVALID_FILTER', { parameter: 'locale', value: 'fr' }],
    ['table=coordination&questions=plan', 422, 'INVALID_FILTER', { parameter: 'questions' }],
    ['table=nowhere', 404, 'TABLE_NOT_FOUND', undefined],
    // An unknown table answers before the wrong status.
    ['table=nowhere&status=finished', 404, 'TABLE_NOT_FOUND', undefined],
    ['for=everyone', 400, undefined, undefined],
    ['colour=red', 400, undefined, undefined],
  ])('?%s → %i %s', async (query, status, code, detail) => {
    const res = await analyst.inject({ method: 'GET', url: comparison(query) });
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
    if (detail) expect(res.json().error.details).toEqual([expect.objectContaining(detail)]);
  });

  it('answers 404 for an unknown survey or version, and 403 to delegates', async () => {
    expect((await analyst.inject({ method: 'GET', url: `/api/surveys/${TEST_SURVEY}/versions/9/comparison` })).statusCode).toBe(404);
    expect((await analyst.inject({ method: 'GET', url: '/api/surveys/no-such-survey/versions/1/comparison' })).statusCode).toBe(404);
    const delegate = await signInAs(app, 'delegate', 'EE');
    expect((await delegate.inject({ method: 'GET', url: comparison() })).statusCode).toBe(403);
  });

  it('works with an API token and no cookie', async () => {
    const token = (await app.apiTokens.create(analyst.user.id, 'analysis script')).token;
    const res = await app.inject({ method: 'GET', url: comparison('questions=plan'), headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows).toHaveLength(5);
  });
});

describe('reading the counted replies', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
    await makeReplies(app, 'national-cooperation', 2, [
      { state: 'EE', status: 'submitted', data: complete(2) },
      { state: 'FI', status: 'draft', data: { action_plan: 'none' } },
    ]);
  });
  afterAll(() => app.close());

  it('reads only the data keys asked for, every state in member-state order, data only where the status counts', async () => {
    const { catalogue } = (await app.questionnaires.load('national-cooperation', 2)).questionnaire;
    const query = { surveyId: 'national-cooperation', version: 2, statuses: ['submitted' as const] };
    const cut = await app.analysis.readReplies({ ...query, keys: ['action_plan', 'joint_training', 'organisations'], known: dataKeys(catalogue) });
    expect(cut.states.map((state) => state.code)).toEqual(['DK', 'EE', 'FI', 'DE', 'IS', 'LV', 'LT', 'NO', 'PL', 'RU', 'SE']);
    expect(cut.counted.map((state) => [state.code, state.reply.data])).toEqual([
      ['EE', { action_plan: complete(2).action_plan, joint_training: 'ad_hoc', organisations: complete(2).organisations }],
    ]);
    expect(cut.states.find((state) => state.code === 'FI')?.reply).toMatchObject({ status: 'draft', data: null });
    expect(cut.states.find((state) => state.code === 'DK')?.reply).toBeNull();

    // Without the version's keys: a jsonb_build_object of the keys, 50 to a call.
    const keys = dataKeys(catalogue);
    expect(keys.length).toBeGreaterThan(50);
    const built = await app.analysis.readReplies({ ...query, keys });
    const [estonia] = built.counted;
    expect(Object.fromEntries(Object.entries(estonia!.reply.data).filter(([, value]) => value !== null))).toEqual(complete(2));
    const whole = await app.analysis.readReplies({ ...query, keys: null });
    expect(whole.counted[0]?.reply.data).toEqual(complete(2));
  });
});

describe('GET …/comparison of the real questionnaire', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
    await makeReplies(app, 'national-cooperation', 2, [{ state: 'EE', status: 'submitted', data: complete(2) }]);
  });
  afterAll(() => app.close());

  it('leaves out the contact person and the organisations’ contacts unless an administrator includes them', async () => {
    const analyst = await signInAs(app, 'analyst');
    const url = '/api/surveys/national-cooperation/versions/2/comparison';
    const keys = (body: { columns: Array<{ key: string }> }) => body.columns.map((column) => column.key);
    const shown = keys(await get(analyst, url));
    expect(shown.filter((key) => key.startsWith('contact_person') || key.endsWith('org_contact'))).toEqual([]);
    expect(shown).toContain('organisations.1.org_name');
    expect(shown).toContain('consent_publish');

    const admin = await signInAs(app, 'admin');
    const all = keys(await get(admin, `${url}?personal=include`));
    expect(all).toEqual(expect.arrayContaining(['contact_person.name', 'contact_person.email', 'organisations.1.org_contact']));
    expect(all.length - shown.length).toBe(4 + (complete(2).organisations as unknown[]).length);
  });
});
