import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileQuestionnaire } from '../../../server/questionnaire/index.js';
import type { SurveyDefinition } from '../../../server/questionnaire/index.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import type { Caller } from '../../helpers/people.js';
import { complete, expectStatus, read, responsesPath, save, signInNamed } from './support.js';

const v1 = compileQuestionnaire(
  JSON.parse(readFileSync(new URL('../../../survey-definitions/national-cooperation/v1.json', import.meta.url), 'utf8')) as SurveyDefinition,
);

/**
 * "Answered" on the lists and the board is what the submit check accepts: a contact person
 * without the required e-mail is on the error list, so it is not counted as answered.
 */
describe('progress on the lists and the board', () => {
  let app: FastifyInstance;
  let delegate: Caller;
  let consultant: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    delegate = await signInNamed(app, 'delegate', 'EE', 'Eeva Delegate');
    consultant = await signInNamed(app, 'consultant', null, 'Carla Consultant');
  });
  afterAll(() => app.close());

  const progressEverywhere = async () => {
    const detail = (await read(consultant, 'EE')).progress;
    const list = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1) }), 200) as Array<{ memberState: string; progress: number }>;
    const board = expectStatus(await consultant.inject({ method: 'GET', url: `/api/surveys/national-cooperation/versions/1/review-board` }), 200) as {
      rows: Array<{ memberState: string; progress: number }>;
    };
    return { detail, list: list.find((row) => row.memberState === 'EE')?.progress, board: board.rows.find((row) => row.memberState === 'EE')?.progress };
  };

  it('does not count a question the submit check stops at', async () => {
    const answers = complete(1);
    const contact = answers.contact_person as Record<string, unknown>;
    const { email, ...withoutEmail } = contact;
    expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: { ...answers, contact_person: withoutEmail } }), 200);

    const submit = expectStatus(await delegate.inject({ method: 'POST', url: responsesPath(1, 'EE', '/submit'), payload: { revision: 1 } }), 422, 'VALIDATION_FAILED');
    expect(submit.error.details).toEqual([{ question: 'contact_person', message: expect.stringContaining("'email'") }]);

    const stopped = v1.progress({ ...answers, contact_person: withoutEmail });
    expect(stopped.answered).toBe(stopped.counted - 1);
    const share = Math.round(stopped.share * 1000) / 1000;
    expect(share).toBeLessThan(1);
    expect(await progressEverywhere()).toEqual({ detail: share, list: share, board: share });

    expectStatus(await save(delegate, 'EE', { baseRevision: 1, set: { contact_person: { ...withoutEmail, email } } }), 200);
    expect(await progressEverywhere()).toEqual({ detail: 1, list: 1, board: 1 });
  });
});
