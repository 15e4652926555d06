import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { complete } from '../responses/support.js';
import { get, importTestSurvey, makeReplies, TEST_SURVEY } from './support.js';

type Line = { key: string; question: string; title: string; answers: Array<{ version: number; label: string | null; asked: boolean }> };
type Section = { section: string; title: string; questions: Line[] };

describe('GET /api/surveys/{surveyId}/member-states/{state}/profile', () => {
  let app: FastifyInstance;
  let analyst: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    await importTestSurvey(app);
    await makeReplies(app, TEST_SURVEY, 1, [
      { state: 'EE', status: 'accepted', data: { plan: 'drafting', roles: ['identification', 'shelter'], good_practice: 'A joint desk', nrm_text: 'Police refer', training: 'occasional', contact: { name: 'Mari' } } },
    ]);
    await makeReplies(app, TEST_SURVEY, 2, [{ state: 'EE', status: 'draft', data: { plan: 'in_force' } }]);
    await makeReplies(app, 'national-cooperation', 1, [{ state: 'EE', status: 'submitted', data: complete(1) }]);
    await makeReplies(app, 'national-cooperation', 2, [{ state: 'EE', status: 'submitted', data: complete(2) }]);
    analyst = await signInAs(app, 'analyst');
  });
  afterAll(() => app.close());

  const profile = (survey: string, state: string, query = '') => `/api/surveys/${survey}/member-states/${state}/profile${query ? `?${query}` : ''}`;
  const lines = (body: { sections: Section[] }) => Object.fromEntries(body.sections.flatMap((section) => section.questions).map((line) => [line.key, line.answers.map((answer) => answer.label)]));

  it('gives every round’s answers in words, aligned through the crosswalk; a round without a counted reply empty', async () => {
    const body = await get(analyst, profile(TEST_SURVEY, 'EE'));
    expect(body).toMatchObject({ memberState: 'EE', memberStateName: 'Estonia' });
    expect(body.rounds).toEqual([
      { version: 1, title: 'Round one', status: 'accepted', submittedAt: expect.any(String) },
      { version: 2, title: 'Round two', status: null, submittedAt: null },
    ]);
    expect(body.sections.map((section: Section) => [section.section, section.title])).toEqual([
      ['about', 'About the reply'],
      ['coordination', 'Coordination'],
      ['actors', 'Actors'],
    ]);
    expect(lines(body)).toMatchObject({
      plan: ['Being drafted', null],
      roles: ['Identification; Shelter', null],
      training: ['Ad hoc', null],
      referral_text: ['Police refer', null],
      good_practice: ['A joint desk', null],
    });
    const stockholm = body.sections.flatMap((section: Section) => section.questions).find((line: Line) => line.key === 'stockholm');
    expect(stockholm.answers).toEqual([{ version: 1, label: null, asked: false }, { version: 2, label: null, asked: true }]);
    expect(Object.keys(lines(body)).filter((key) => key.startsWith('contact'))).toEqual([]);
  });

  it('counts the statuses asked for, and speaks the locale asked for', async () => {
    const body = await get(analyst, profile(TEST_SURVEY, 'EE', 'status=draft,accepted&locale=de'));
    expect(body.rounds.map((round: { status: string | null }) => round.status)).toEqual(['accepted', 'draft']);
    expect(lines(body).plan).toEqual(['In Arbeit', 'In Kraft']);
    expect(body.sections[1].title).toBe('Koordinierung');
  });

  it('reads the real questionnaire’s rounds, the renamed question on one line, no contact details', async () => {
    const body = await get(analyst, profile('national-cooperation', 'EE'));
    expect(body.rounds.map((round: { version: number; status: string }) => [round.version, round.status])).toEqual([[1, 'submitted'], [2, 'submitted']]);
    const all = lines(body);
    expect(all.referral_mechanism_description).toEqual([complete(1).nrm_description, complete(2).referral_mechanism_description]);
    expect(all.joint_training).toEqual(['Ad hoc', 'Ad hoc']);
    expect(all.mou_good_practice).toEqual([complete(1).mou_good_practice, null]);
    expect(JSON.stringify(body)).not.toContain((complete(2).contact_person as { email: string }).email);
  });

  it('answers 404 for an unknown state or survey, 422 for a bad filter, 400 for a malformed code', async () => {
    expect((await analyst.inject({ method: 'GET', url: profile(TEST_SURVEY, 'XX') })).json().error.code).toBe('MEMBER_STATE_NOT_FOUND');
    expect((await analyst.inject({ method: 'GET', url: profile('no-such-survey', 'EE') })).statusCode).toBe(404);
    expect((await analyst.inject({ method: 'GET', url: profile(TEST_SURVEY, 'EE', 'status=finished') })).statusCode).toBe(422);
    expect((await analyst.inject({ method: 'GET', url: profile(TEST_SURVEY, 'EE', 'locale=fr') })).statusCode).toBe(422);
    expect((await analyst.inject({ method: 'GET', url: profile(TEST_SURVEY, 'ee') })).statusCode).toBe(400);
  });
});
