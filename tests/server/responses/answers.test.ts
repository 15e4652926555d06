import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs } from '../../helpers/people.js';
import { expectStatus, read, revisionsOf, save } from './support.js';

/** One wrong value per question type in version 1, each of which must be named in the 422. */
const WRONG: Array<[question: string, value: unknown, why: RegExp]> = [
  ['contact_person', 'Contact Person', /object/], // multipletext given a string
  ['institution_type', 'parliament', /not one of the choices/], // radiogroup: unknown choice
  ['ngo_input', true, /not one of the choices/], // radiogroup given a boolean (a yes/no with "don't know" is a choice)
  ['reference_period', 2009, /string/], // text given a number
  ['specialised_ngo_count', '2', /number/], // number text given a string
  ['inter_agency_meeting_frequency', 'weekly', /not one of the choices/], // dropdown: unknown choice
  ['mou_obstacles', 'data_protection', /list/], // checkbox given a string
  ['identification_authority', ['police', 'army'], /'army' is not one of the choices/], // checkbox: unknown choice in the list
  ['regional_model_mou_interest', 6, /not one of the choices/], // a labelled scale given a number
  ['mou_good_practice', { text: 'x' }, /string/], // comment given an object
  ['cooperation_intensity', { police: 'often' }, /row 'police'.*not one of the choices/], // matrix: unknown column value
  ['shelters', { pets: 'available' }, /row/], // matrix: unknown row
  ['services', { accommodation: { provider: 'church' } }, /row 'accommodation', column 'provider'/], // matrixdropdown cell
  ['identified_victims', { female_adult: { sexual_exploitation: 'seven' } }, /number/], // matrixdropdown number cell
  ['organisations', { org_name: 'x' }, /list/], // paneldynamic given an object
  ['regional_agreements', [{ agreement_title: 'x', agreement_type: 'trilateral' }], /entry 1, 'agreement_type'.*not one of the choices/],
  ['no_such_question', 'x', /unknown question/],
  ['main_gaps', null, /null is not an answer/],
];

describe('answers a save may hold', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('refuses every wrong value of every question type, naming each, and saves nothing', async () => {
    const delegate = await signInAs(app, 'delegate', 'EE');
    const set = Object.fromEntries(WRONG.map(([question, value]) => [question, value]));
    const refused = expectStatus(await save(delegate, 'EE', { baseRevision: 0, set }), 422, 'INVALID_ANSWER');
    const problems = refused.error.details as Array<{ question: string; message: string }>;
    for (const [question, , why] of WRONG) {
      const found = problems.filter((p) => p.question === question);
      expect(found.length, `${question}: ${JSON.stringify(problems)}`).toBeGreaterThan(0);
      expect(found.map((p) => p.message).join(' | '), question).toMatch(why);
    }
    expect(new Set(problems.map((p) => p.question))).toEqual(new Set(WRONG.map(([question]) => question)));
    expect((await read(delegate, 'EE')).status).toBe('not_started');

    // One wrong value among good ones: still nothing saved.
    for (const [question, value] of WRONG) {
      const res = await save(delegate, 'EE', { baseRevision: 0, set: { action_plan: 'in_force', [question]: value } });
      expect(res.statusCode, question).toBe(422);
      expect(res.json().error.details.map((p: { question: string }) => p.question)).toEqual([question]);
    }
    expect((await read(delegate, 'EE')).status).toBe('not_started');
  });

  it('checks unset names, and refuses one key both set and unset', async () => {
    const delegate = await signInAs(app, 'delegate', 'LV');
    expectStatus(await save(delegate, 'LV', { baseRevision: 0, set: { main_gaps: 'Funding', institution_type: 'other', 'institution_type-Comment': 'Parliament' } }), 200);
    const unknown = expectStatus(await save(delegate, 'LV', { baseRevision: 1, unset: ['main_gaps', 'no_such_question'] }), 422, 'INVALID_ANSWER');
    expect(unknown.error.details).toEqual([{ question: 'no_such_question', message: 'unknown question' }]);
    const both = expectStatus(await save(delegate, 'LV', { baseRevision: 1, set: { main_gaps: 'x' }, unset: ['main_gaps'] }), 422, 'INVALID_ANSWER');
    expect(both.error.details).toEqual([{ question: 'main_gaps', message: expect.stringContaining('both set and unset') }]);
    expect((await read(delegate, 'LV')).revision).toBe(1);

    expectStatus(await save(delegate, 'LV', { baseRevision: 1, unset: ['institution_type-Comment', 'main_gaps'] }), 200);
    expect((await read(delegate, 'LV')).data).toEqual({ institution_type: 'other' });
    expect((await revisionsOf(delegate, 'LV'))[1]!.changed).toEqual(['institution_type', 'main_gaps']);
  });

  it('keeps valid answers of every type exactly as sent', async () => {
    const delegate = await signInAs(app, 'delegate', 'LT');
    const set = {
      contact_person: { name: 'A Person', email: 'a@example.org' },
      ngo_input: 'no',
      specialised_ngo_count: 0,
      mou_obstacles: ['other', 'data_protection'],
      'mou_obstacles-Comment': 'Different languages',
      regional_model_mou_interest: 'extremely_useful',
      cooperation_intensity: { police: 'regular' },
      services: { accommodation: { provider: 'ngo', before_identification: 'no' } },
      identified_victims: { female_adult: { sexual_exploitation: 0 } },
      organisations: [{ org_name: 'NGO', org_roles: ['shelter', 'other'], 'org_roles-Comment': 'Hotline' }],
      main_gaps: '',
    };
    expectStatus(await save(delegate, 'LT', { baseRevision: 0, set }), 200);
    expect((await read(delegate, 'LT')).data).toEqual(set);
  });

  it('answers 400 for a body of the wrong shape', async () => {
    const delegate = await signInAs(app, 'delegate', 'FI');
    for (const payload of [
      {},
      { baseRevision: -1 },
      { baseRevision: 1.5 },
      { baseRevision: 0, set: [] },
      { baseRevision: 0, set: 'x' },
      { baseRevision: 0, unset: [1, {}] },
      { baseRevision: 0, extra: true },
    ]) {
      const res = await delegate.inject({ method: 'PATCH', url: '/api/surveys/national-cooperation/versions/1/responses/FI', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await read(delegate, 'FI')).status).toBe('not_started');
  });

  it('never answers 500 to odd input, and stores nothing of it', async () => {
    const delegate = await signInAs(app, 'delegate', 'DK');
    const url = '/api/surveys/national-cooperation/versions/1/responses/DK';
    const patch = (payload: string) => delegate.inject({ method: 'PATCH', url, payload, headers: { 'content-type': 'application/json' } });
    const cases: Array<[payload: string, status: number]> = [
      ['{"baseRevision":0,"set":{"main_gaps":"a\\u0000b"}}', 422],
      ['{"baseRevision":0,"set":{"main_gaps":"\\ud800"}}', 422],
      ['{"baseRevision":0,"set":{"organisations":[{"org_name":"\\udc00x"}]}}', 422],
      ['{"baseRevision":0,"set":{"specialised_ngo_count":1e400}}', 422],
      ['{"baseRevision":0,"set":{"__proto__":{"x":1}}}', 400],
      ['{"baseRevision":0,"set":{"constructor":{"x":1}}}', 422],
      ['{"baseRevision":99999999999,"set":{"main_gaps":"x"}}', 400],
      ['{"baseRevision":0,"set":{"main_gaps":"x"},"unset":["a\\u0000"]}', 422],
    ];
    for (const [payload, status] of cases) {
      const res = await patch(payload);
      expect(res.statusCode, `${payload}: ${res.body}`).toBe(status);
    }
    expect((await read(delegate, 'DK')).status).toBe('not_started');

    expectStatus(await save(delegate, 'DK', { baseRevision: 0, set: { main_gaps: 'ok' } }), 200);
    const comments = `${url}/comments`;
    const comment = await delegate.inject({ method: 'POST', url: comments, payload: '{"body":"a\\u0000b"}', headers: { 'content-type': 'application/json' } });
    expect(comment.statusCode, comment.body).toBe(422);
    expect((await delegate.inject({ method: 'GET', url: `${url}/revisions/99999999999` })).statusCode).toBe(400);
    expect((await delegate.inject({ method: 'POST', url: `${url}/submit`, payload: { revision: 99999999999 } })).statusCode).toBe(400);
    expect((await delegate.inject({ method: 'GET', url: comments })).json()).toEqual([]);
  });
});
