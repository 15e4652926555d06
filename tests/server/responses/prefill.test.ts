import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { complete, expectStatus, read, responsesPath, save, SURVEY } from './support.js';

type Prefill = {
  fromVersion: number;
  fromRevision: number;
  fromStatus: string;
  data: Record<string, unknown>;
  dropped: Array<{ question: string; reason: string }>;
};

/** Carrying a state's answers forward to a new version through the crosswalk, without saving. */
describe('prefill from an earlier version', () => {
  let app: FastifyInstance;
  let estonia: Caller;
  const prefill = (caller: Caller, version: number, state = 'EE') => caller.inject({ method: 'GET', url: responsesPath(version, state, '/prefill') });

  beforeAll(async () => {
    app = await buildTestApp();
    estonia = await signInAs(app, 'delegate', 'EE');
    expectStatus(await save(estonia, 'EE', { baseRevision: 0, set: complete(1) }), 200);
  });
  afterAll(() => app.close());

  it('carries the real v1 reply into v2: renamed and recoded answers, dropped questions listed', async () => {
    const v1 = complete(1);
    const body: Prefill = expectStatus(await prefill(estonia, 2), 200);
    expect(body).toMatchObject({ fromVersion: 1, fromRevision: 1, fromStatus: 'draft' });
    expect(body.data).toMatchObject({
      referral_mechanism_description: v1.nrm_description,
      post_return_follow_up: v1.reintegration_follow_up,
      joint_training: 'ad_hoc',
      action_plan: v1.action_plan,
      organisations: v1.organisations,
    });
    expect(v1.joint_training).toBe('occasional');
    for (const gone of ['nrm_description', 'reintegration_follow_up', 'mou_good_practice', 'training_evaluated', 'regional_obstacles']) {
      expect(body.data).not.toHaveProperty(gone);
    }
    // In the stored data's key order, which is PostgreSQL's (jsonb), not the file's.
    expect(body.dropped.sort((a, b) => a.question.localeCompare(b.question))).toEqual([
      { question: 'mou_good_practice', reason: 'dropped from version 1 to 2' },
      { question: 'regional_obstacles', reason: 'dropped from version 1 to 2' },
      { question: 'training_evaluated', reason: 'dropped from version 1 to 2' },
    ]);
    const { questionnaire } = await app.questionnaires.load(SURVEY, 2);
    expect(questionnaire.checkDraft(body.data)).toEqual([]);
  });

  it('writes nothing; the client saves what it keeps as an ordinary revision', async () => {
    const lithuania = await signInAs(app, 'delegate', 'LT');
    expectStatus(await save(lithuania, 'LT', { baseRevision: 0, set: complete(1) }), 200);
    const { data }: Prefill = expectStatus(await prefill(lithuania, 2, 'LT'), 200);
    expect((await read(lithuania, 'LT', 2)).status).toBe('not_started');
    expect(expectStatus(await save(lithuania, 'LT', { baseRevision: 0, set: data }, 2), 200)).toMatchObject({ revision: 1, status: 'draft' });
    expect((await read(lithuania, 'LT', 2)).data).toEqual(data);
  });

  it('reports the earlier response’s status and current revision', async () => {
    const finland = await signInAs(app, 'delegate', 'FI');
    const { revision } = expectStatus(await save(finland, 'FI', { baseRevision: 0, set: complete(1) }), 200);
    expectStatus(await finland.inject({ method: 'POST', url: responsesPath(1, 'FI', '/submit'), payload: { revision } }), 200);
    expect(expectStatus(await prefill(finland, 2, 'FI'), 200)).toMatchObject({ fromVersion: 1, fromRevision: 2, fromStatus: 'submitted' });
  });

  it('takes the nearest earlier version, chaining crosswalk steps, and keeps names where the crosswalk has no step', async () => {
    const latvia = await signInAs(app, 'delegate', 'LV');
    expectStatus(await save(latvia, 'LV', { baseRevision: 0, set: complete(1) }), 200);
    // A v3 published through the API with v2's content: the crosswalk has no 2 → 3 step.
    const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 2)).definition);
    expect(version).toBe(3);

    const fromV1: Prefill = expectStatus(await prefill(latvia, 3, 'LV'), 200);
    expect(fromV1).toMatchObject({ fromVersion: 1, data: { joint_training: 'ad_hoc', referral_mechanism_description: complete(1).nrm_description } });

    expectStatus(await save(latvia, 'LV', { baseRevision: 0, set: { main_gaps: 'Written in 2010' } }, 2), 200);
    expect(expectStatus(await prefill(latvia, 3, 'LV'), 200)).toEqual({ fromVersion: 2, fromRevision: 1, fromStatus: 'draft', data: { main_gaps: 'Written in 2010' }, dropped: [] });
  });

  it('answers 404 NO_EARLIER_RESPONSE when the state answered no earlier version, and always for version 1', async () => {
    const poland = await signInAs(app, 'delegate', 'PL');
    expectStatus(await prefill(poland, 2, 'PL'), 404, 'NO_EARLIER_RESPONSE');
    expectStatus(await prefill(estonia, 1), 404, 'NO_EARLIER_RESPONSE');
  });

  it('is read like the response: consultants, analysts and administrators may; another state’s delegate gets 404', async () => {
    for (const role of ['consultant', 'analyst', 'admin'] as const) {
      expect(expectStatus(await prefill(await signInAs(app, role), 2), 200).fromVersion).toBe(1);
    }
    expectStatus(await prefill(await signInAs(app, 'delegate', 'SE'), 2), 404, 'RESPONSE_NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: responsesPath(2, 'EE', '/prefill') })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown version or member state', async () => {
    const consultant = await signInAs(app, 'consultant');
    expectStatus(await prefill(consultant, 99), 404, 'SURVEY_VERSION_NOT_FOUND');
    expectStatus(await prefill(consultant, 2, 'XX'), 404, 'MEMBER_STATE_NOT_FOUND');
  });
});
