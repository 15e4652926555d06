import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../server/auth/principal.js';
import type { ResponseStatus, SurveyVersionStatus } from '../../../server/db/schema.js';
import type { ResponseTarget } from '../../../server/responses/target.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { complete, SURVEY } from './support.js';

/**
 * A submit reads without locks, decides, and writes in one statement only while the response is
 * as read; else it decides again under the row lock (lifecycle.ts). On generated responses, and a
 * generated change landing between its read and its write, this holds it to the contract's order
 * as the one-transaction submit applied it: 422 VALIDATION_FAILED, then 409 RESPONSE_LOCKED
 * (version closed), INVALID_TRANSITION, EDIT_CONFLICT — on the state it finally writes on — and
 * checks what it leaves: one submit revision and one audit event, or nothing.
 */

const VERSION = 1;
const { consent_publish: _required, ...incomplete } = complete(VERSION);

/** The parts of a response and its version a submit decides on. */
const state = fc.record({
  exists: fc.constantFrom(true, true, true, false),
  status: fc.constantFrom<ResponseStatus>('draft', 'draft', 'returned', 'submitted', 'accepted'),
  revision: fc.integer({ min: 1, max: 4 }),
  valid: fc.constantFrom(true, true, false),
  versionStatus: fc.constantFrom<SurveyVersionStatus>('open', 'open', 'open', 'closed'),
});
type State = typeof state extends fc.Arbitrary<infer T> ? T : never;

/**
 * What lands between the read and the write: another change of the response (`step` revisions on;
 * 0 leaves the response as it was) and of its version's status, or nothing.
 */
const between = fc.option(
  fc.record({
    status: fc.constantFrom<ResponseStatus>('draft', 'returned', 'submitted', 'accepted'),
    step: fc.integer({ min: 0, max: 2 }),
    valid: fc.boolean(),
    versionStatus: fc.constantFrom<SurveyVersionStatus>('open', 'closed'),
  }),
  { freq: 2 },
);

type Outcome = { ok: true; revision: number } | { ok: false; status: number; code: string };

/** The one-transaction submit's decision, in the contract's order. */
function decided(s: State, revision: number): Outcome {
  if (!(s.exists && s.valid)) return { ok: false, status: 422, code: 'VALIDATION_FAILED' };
  if (s.versionStatus === 'closed') return { ok: false, status: 409, code: 'RESPONSE_LOCKED' };
  if (s.status !== 'draft' && s.status !== 'returned') return { ok: false, status: 409, code: 'INVALID_TRANSITION' };
  if (revision !== s.revision) return { ok: false, status: 409, code: 'EDIT_CONFLICT' };
  return { ok: true, revision: s.revision + 1 };
}

describe('the folded submit against the one-transaction submit', () => {
  let app: FastifyInstance;
  let me: SessionUser;
  let states = 0;

  beforeAll(async () => {
    app = await buildTestApp();
    const email = 'submit-differential@example.org';
    const created = await app.users.create({ email, name: 'Submit Differential', role: 'consultant', memberState: null });
    me = { id: created.id, email, name: 'Submit Differential', role: 'consultant', memberState: null, mustChangePassword: false };
  });
  afterAll(() => app.close());

  /** Puts the response and its version in `s` (a fresh member state per case: revisions are never deleted). */
  async function arrange(target: ResponseTarget, s: State): Promise<void> {
    await app.db.updateTable('survey_versions').set({ status: s.versionStatus }).where('survey_id', '=', SURVEY).where('version', '=', VERSION).execute();
    if (!s.exists) return;
    await app.db
      .insertInto('responses')
      .values({ survey_id: SURVEY, version: VERSION, member_state_code: target.memberState, status: s.status, revision: s.revision, data: JSON.stringify(s.valid ? complete(VERSION) : incomplete) })
      .onConflict((oc) => oc.columns(['survey_id', 'version', 'member_state_code']).doUpdateSet({ status: s.status, data: JSON.stringify(s.valid ? complete(VERSION) : incomplete) }))
      .execute();
  }

  it('decides as it did, whatever lands between its read and its write', async () => {
    await fc.assert(
      fc.asyncProperty(state, between, fc.constantFrom(0, 0, 0, -1, 1), async (initial, landing, offset) => {
        const code = `SUBD-${String(++states).padStart(4, '0')}`;
        await app.db.insertInto('member_states').values({ code, name: `Submit differential ${states}` }).execute();
        const target = { surveyId: SURVEY, version: VERSION, memberState: code };
        await arrange(target, initial);
        const asked = initial.revision + offset;

        // The change in between lands only when the submit goes on to write.
        let final = initial;
        const executor = app.db.getExecutor();
        const execute = executor.executeQuery.bind(executor);
        let landed = false;
        const statements = vi.spyOn(executor, 'executeQuery').mockImplementation(async (query) => {
          if (landing && !landed && query.sql.trimStart().startsWith('with changed as')) {
            landed = true;
            // Every change of a response moves its revision on: one that does not leaves it alone (a close alone).
            final =
              landing.step === 0
                ? { ...initial, versionStatus: landing.versionStatus }
                : { exists: true, status: landing.status, revision: initial.revision + landing.step, valid: landing.valid, versionStatus: landing.versionStatus };
            await app.db.updateTable('responses').set({ revision: final.revision }).where('member_state_code', '=', code).execute();
            await arrange(target, final);
          }
          return execute(query);
        });
        let outcome: Outcome;
        try {
          const answer = await app.responses.submit(target, { user: me, ip: null }, asked);
          outcome = { ok: true, revision: answer.revision };
        } catch (error) {
          const { statusCode, code: errorCode } = error as { statusCode?: number; code?: string };
          if (statusCode === undefined) throw error;
          outcome = { ok: false, status: statusCode, code: errorCode! };
        } finally {
          statements.mockRestore();
        }

        expect(landed).toBe(landing !== null && decided(initial, asked).ok);
        expect(outcome).toEqual(decided(final, asked));

        const row = await app.db.selectFrom('responses').select(['id', 'status', 'revision', 'submitted_at']).where('member_state_code', '=', code).executeTakeFirst();
        const revisions = row ? await app.db.selectFrom('response_revisions').select(['revision', 'kind', 'status', 'data']).where('response_id', '=', row.id).execute() : [];
        const events = (await app.audit.list({ action: 'response.submitted' })).filter((event) => event.target === `${SURVEY}/${VERSION}/${code}`);
        if (outcome.ok) {
          expect(row).toMatchObject({ status: 'submitted', revision: final.revision + 1 });
          expect(row!.submitted_at).not.toBeNull();
          expect(revisions).toEqual([{ revision: final.revision + 1, kind: 'submit', status: 'submitted', data: complete(VERSION) }]);
          expect(events.map((event) => event.details)).toEqual([{ revision: final.revision + 1, from: final.status, to: 'submitted' }]);
        } else {
          if (final.exists) expect(row).toMatchObject({ status: final.status, revision: final.revision, submitted_at: null });
          else expect(row).toBeUndefined();
          expect(revisions).toEqual([]);
          expect(events).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
