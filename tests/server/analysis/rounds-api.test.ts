import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { complete } from '../responses/support.js';
import { get, importTestSurvey, makeReplies, TEST_SURVEY } from './support.js';

type Variable = { kind: string; key: string; renamed?: boolean; recoded?: boolean; changedStates?: number; from?: { key: string }; to?: { key: string } };
type Cell = { key: string; from: { value: unknown; label: unknown } | null; to: { value: unknown; label: unknown } | null; changed: boolean };
type Row = { memberState: string; memberStateName: string; from: { status: string } | null; to: { status: string } | null; publication: string | null; cells: Cell[] };

const SURVEY = '/api/surveys/national-cooperation/rounds';

describe('GET /api/surveys/{surveyId}/rounds on the real questionnaire', () => {
  let app: FastifyInstance;
  let analyst: Caller;

  beforeAll(async () => {
    app = await buildTestApp();
    const v1 = complete(1);
    const v2 = complete(2);
    await makeReplies(app, 'national-cooperation', 1, [
      { state: 'EE', status: 'accepted', data: v1 },
      { state: 'LV', status: 'submitted', data: { ...v1, joint_training: 'no', national_referral_mechanism: 'none' } },
      { state: 'LT', status: 'submitted', data: { ...v1, national_referral_mechanism: 'formal' } },
    ]);
    await makeReplies(app, 'national-cooperation', 2, [
      { state: 'EE', status: 'submitted', data: v2 },
      { state: 'LV', status: 'submitted', data: { ...v2, joint_training: 'regular', national_referral_mechanism: 'formal' } },
      { state: 'FI', status: 'submitted', data: { ...v2, national_referral_mechanism: 'formal' } },
    ]);
    analyst = await signInAs(app, 'analyst');
  });
  afterAll(() => app.close());

  it('pairs the renamed question, recodes the earlier codes, lists the dropped and added questions', async () => {
    const body = await get(analyst, `${SURVEY}?from=1&to=2`);
    expect(body.from).toEqual({ version: 1, title: expect.stringContaining('2009') });
    expect(body.to).toEqual({ version: 2, title: expect.stringContaining('2010') });
    const variables = new Map((body.variables as Variable[]).map((variable) => [variable.key, variable]));
    expect(variables.get('referral_mechanism_description')).toMatchObject({
      kind: 'paired',
      renamed: true,
      recoded: false,
      from: { key: 'nrm_description', question: 'nrm_description' },
      to: { key: 'referral_mechanism_description', question: 'referral_mechanism_description' },
    });
    expect(variables.get('joint_training')).toMatchObject({ kind: 'paired', renamed: false, recoded: true, changedStates: 1 });
    expect(variables.get('mou_good_practice')).toMatchObject({ kind: 'dropped', from: { key: 'mou_good_practice' } });
    expect(variables.get('mou_good_practice')).not.toHaveProperty('to');
    expect(variables.get('stockholm_measures')).toMatchObject({ kind: 'added', to: { key: 'stockholm_measures' } });
    // Estonia informal → in preparation, Latvia none → formal.
    expect(variables.get('national_referral_mechanism')).toMatchObject({ kind: 'paired', changedStates: 2 });
    expect([...variables.keys()].filter((key) => key.startsWith('contact_person') || key.endsWith('org_contact'))).toEqual([]);
    expect(variables.has('nrm_description')).toBe(false);
  });

  it('has a row per state with a counted reply in either round, the earlier answers in the later codes, and what changed', async () => {
    const body = await get(analyst, `${SURVEY}?from=1&to=2&questions=joint_training,national_referral_mechanism,referral_mechanism_description`);
    const rows = body.rows as Row[];
    expect(rows.map((row) => [row.memberState, row.from?.status ?? null, row.to?.status ?? null])).toEqual([
      ['EE', 'accepted', 'submitted'],
      ['FI', null, 'submitted'],
      ['LV', 'submitted', 'submitted'],
      ['LT', 'submitted', null],
    ]);
    const cell = (state: string, key: string) => rows.find((row) => row.memberState === state)?.cells.find((c) => c.key === key);
    // Estonia: "occasional" in 2009 reads as 2010's "ad_hoc", as it answered in 2010: no change.
    expect(cell('EE', 'joint_training')).toEqual({ key: 'joint_training', from: { value: 'ad_hoc', label: 'Ad hoc' }, to: { value: 'ad_hoc', label: 'Ad hoc' }, changed: false });
    expect(cell('LV', 'joint_training')).toEqual({ key: 'joint_training', from: { value: 'none', label: 'No' }, to: { value: 'regular', label: 'Regularly' }, changed: true });
    expect(cell('LV', 'national_referral_mechanism')).toMatchObject({ from: { value: 'none' }, to: { value: 'formal' }, changed: true });
    expect(cell('EE', 'referral_mechanism_description')).toEqual({
      key: 'referral_mechanism_description',
      from: { value: complete(1).nrm_description, label: complete(1).nrm_description },
      to: { value: complete(2).referral_mechanism_description, label: complete(2).referral_mechanism_description },
      changed: true,
    });
    expect(cell('FI', 'national_referral_mechanism')).toEqual({ key: 'national_referral_mechanism', from: { value: null, label: null }, to: { value: 'formal', label: expect.any(String) }, changed: false });
  });

  it('summarises each round: "formal" in 1 state in 2009, 2 in 2010', async () => {
    const body = await get(analyst, `${SURVEY}?from=1&to=2&questions=national_referral_mechanism`);
    const [summary] = body.summaries;
    const formal = (tally: { counts: Array<{ value: string; count: number }> }) => tally.counts.find((count) => count.value === 'formal')?.count;
    expect(summary).toMatchObject({ key: 'national_referral_mechanism', kind: 'paired', from: { answered: 3 }, to: { answered: 3 } });
    expect([formal(summary.from), formal(summary.to)]).toEqual([1, 2]);
    expect(summary.from.counts.map((count: { value: string }) => count.value)).toEqual(summary.to.counts.map((count: { value: string }) => count.value));
  });

  it('applies the status filter to both rounds', async () => {
    const body = await get(analyst, `${SURVEY}?from=1&to=2&questions=joint_training&status=accepted`);
    expect((body.rows as Row[]).map((row) => [row.memberState, row.from?.status ?? null, row.to])).toEqual([['EE', 'accepted', null]]);
  });

  it('for publication: the strictest consent of a state’s rounds decides', async () => {
    const body = await get(analyst, `${SURVEY}?from=1&to=2&questions=joint_training&for=publication`);
    expect((body.rows as Row[]).map((row) => row.memberState)).toEqual(['EE', 'FI', 'LV', 'LT']);
    expect(body.for).toBe('publication');
  });

  it.each([
    ['from=2&to=1', 422, 'INVALID_FILTER'],
    ['from=2&to=2', 422, 'INVALID_FILTER'],
    ['from=1&to=7', 422, 'INVALID_FILTER'],
    ['from=1&to=2&questions=nrm_description', 422, 'INVALID_FILTER'],
    ['from=1&to=2&table=nowhere', 404, 'TABLE_NOT_FOUND'],
    ['from=1', 400, undefined],
    ['from=one&to=2', 400, undefined],
  ])('?%s → %i', async (query, status, code) => {
    const res = await analyst.inject({ method: 'GET', url: `${SURVEY}?${query}` });
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
  });

  it('answers 404 for an unknown survey', async () => {
    const res = await analyst.inject({ method: 'GET', url: '/api/surveys/no-such-survey/rounds?from=1&to=2' });
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /api/surveys/{surveyId}/rounds with a named table and a locale', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
    await importTestSurvey(app);
    await makeReplies(app, TEST_SURVEY, 1, [{ state: 'EE', status: 'submitted', data: { plan: 'drafting', good_practice: 'A joint desk' } }]);
    await makeReplies(app, TEST_SURVEY, 2, [{ state: 'EE', status: 'submitted', data: { plan: 'in_force', rapporteur: true } }]);
  });
  afterAll(() => app.close());

  it('shows a table question only the earlier round asks as dropped, in the locale asked for', async () => {
    const analyst = await signInAs(app, 'analyst');
    const body = await get(analyst, `/api/surveys/${TEST_SURVEY}/rounds?from=1&to=2&table=coordination&locale=de`);
    expect((body.variables as Variable[]).map((variable) => [variable.kind, variable.key])).toEqual([
      ['paired', 'plan'],
      ['paired', 'rapporteur'],
      // Where round one asked it: after the last question both rounds share before it.
      ['dropped', 'good_practice'],
    ]);
    expect(body.table).toMatchObject({ id: 'coordination', missingQuestions: [] });
    expect(body.rows[0].cells[0]).toEqual({ key: 'plan', from: { value: 'drafting', label: 'In Arbeit' }, to: { value: 'in_force', label: 'In Kraft' }, changed: true });
    expect(body.variables[0].title).toBe('Gibt es einen Aktionsplan?');
  });
});
