import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { ResponseStatus } from '../../../server/db/schema.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { crosswalkOneTwo, roundOne, roundTwo } from '../questionnaire/support/analysis-definitions.js';

/**
 * Shared by the analysis API tests: a small survey of our own (two rounds, a German
 * translation, a crosswalk and a named table) and replies made through the real routes —
 * saved by the state's delegate, submitted, then accepted or returned by a consultant.
 */

export const TEST_SURVEY = 'analysis-test';

export async function importTestSurvey(app: FastifyInstance): Promise<void> {
  await app.surveys.importFolders([
    {
      id: TEST_SURVEY,
      title: 'Analysis test',
      versions: [
        { version: 1, file: 'v1.json', definition: roundOne() },
        { version: 2, file: 'v2.json', definition: roundTwo() },
      ],
      crosswalk: { file: 'crosswalk.json', json: crosswalkOneTwo },
      tables: {
        file: 'tables.json',
        json: { tables: [{ id: 'coordination', title: 'Coordination', description: 'Plan and rapporteur', questions: ['plan', 'rapporteur', 'good_practice'] }] },
      },
    },
  ]);
}

export type ReplySpec = { readonly state: string; readonly data: Record<string, unknown>; readonly status: ResponseStatus };

/** Makes each reply as people would: the delegate saves and submits, the consultant reviews. */
export async function makeReplies(app: FastifyInstance, survey: string, version: number, replies: readonly ReplySpec[]): Promise<void> {
  const consultant = await signInAs(app, 'consultant');
  for (const { state, data, status } of replies) {
    const delegate = await signInAs(app, 'delegate', state);
    const path = `/api/surveys/${survey}/versions/${version}/responses/${state}`;
    const saved = await delegate.inject({ method: 'PATCH', url: path, payload: { baseRevision: 0, set: data } });
    expect(saved.statusCode, saved.body).toBe(200);
    if (status === 'draft') continue;
    const submitted = await delegate.inject({ method: 'POST', url: `${path}/submit`, payload: { revision: saved.json().revision } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    if (status === 'submitted') continue;
    const reviewed =
      status === 'accepted'
        ? await consultant.inject({ method: 'POST', url: `${path}/accept` })
        : await consultant.inject({ method: 'POST', url: `${path}/return`, payload: { message: 'Please complete the plan.' } });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
  }
}

export const get = async (caller: Caller, url: string, status = 200) => {
  const res = await caller.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
