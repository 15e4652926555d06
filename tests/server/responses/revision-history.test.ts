import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SNAPSHOT_EVERY } from '../../../server/responses/revision-snapshots.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { answerSets } from '../questionnaire/support/answer-arbitraries.js';
import { questionTree, realFile } from '../questionnaire/support/fixtures.js';
import { complete, expectStatus, responsesPath, save, signInNamed, SURVEY } from './support.js';

/**
 * A save's revision stores its change, with the full data only at snapshots; reading a revision
 * rebuilds it. These tests keep a model of the data after every revision and compare each one
 * with what `GET R/{state}/revisions/{n}` answers.
 */

type Data = Record<string, unknown>;
interface Expected {
  kind: string;
  status: string;
  data: Data;
}

const V2 = realFile('v2.json')!;
const COMPLETE = complete(2);
const DATA_KEYS = Object.keys(COMPLETE);

/** The model's own change, written apart from the server's merge code. */
function applied(data: Data, set: Data, unset: readonly string[]): Data {
  const next: Data = { ...data, ...set };
  for (const key of unset) delete next[key];
  return next;
}

/** `complete`: a save that makes the data the complete answer set (so a submit can pass). */
type Step =
  | { kind: 'save'; who: 0 | 1; behind: number; set: Data; unset: string[] }
  | { kind: 'complete'; who: 0 | 1 }
  | { kind: 'submit' | 'return' | 'accept' | 'reopen' };

const change = answerSets(questionTree(V2)).chain((answers) =>
  fc.record({
    set: fc.subarray(Object.keys(answers), { maxLength: 4 }).map((keys) => Object.fromEntries(keys.map((key) => [key, answers[key]]))),
    unset: fc.subarray(DATA_KEYS, { maxLength: 2 }),
  }),
);
const who = fc.constantFrom<0 | 1>(0, 1);
const saveStep = fc
  .record({ who, behind: fc.nat(3), change })
  .map(({ who: w, behind, change: c }): Step => ({ kind: 'save', who: w, behind, set: c.set, unset: c.unset.filter((key) => !Object.hasOwn(c.set, key)) }));
/** Mostly saves; a submit comes after a save of the complete answers, as random values may not pass its check. */
const steps: fc.Arbitrary<Step[]> = fc
  .array(
    fc.oneof(
      { weight: 24, arbitrary: saveStep.map((s) => [s]) },
      { weight: 1, arbitrary: who.map((w): Step[] => [{ kind: 'complete', who: w }, { kind: 'submit' }]) },
      { weight: 2, arbitrary: fc.constantFrom<Step[]>([{ kind: 'return' }], [{ kind: 'accept' }], [{ kind: 'reopen' }]) },
    ),
    { minLength: 40, maxLength: 120 },
  )
  .map((groups) => groups.flat());

describe('revision history', () => {
  let app: FastifyInstance;
  let delegates: [Caller, Caller];
  let consultant: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    delegates = [await signInNamed(app, 'delegate', 'EE', 'Anna'), await signInNamed(app, 'delegate', 'EE', 'Bert')];
    consultant = await signInAs(app, 'consultant');
  });
  afterAll(() => app.close());

  /** A version of its own (v2's content) per response, so every run starts from nothing. */
  const freshVersion = async () => (await app.surveys.publishNextVersion(SURVEY, V2)).version;

  /** Runs the steps against the server, following its answers, and returns the model of every revision. */
  async function run(version: number, steps: readonly Step[]): Promise<Expected[]> {
    const history: Expected[] = [];
    let data: Data = {};
    const revision = () => history.length;
    const acknowledge = (res: { statusCode: number; json(): { revision: number; status: string } }, kind: string, next: Data) => {
      const body = res.json();
      expect(body.revision).toBe(revision() + 1);
      data = next;
      history.push({ kind, status: body.status, data });
    };
    for (const s of steps) {
      if (s.kind === 'save' || s.kind === 'complete') {
        const set = s.kind === 'save' ? s.set : COMPLETE;
        const unset = s.kind === 'save' ? s.unset : Object.keys(data).filter((key) => !Object.hasOwn(COMPLETE, key));
        const baseRevision = Math.max(0, revision() - (s.kind === 'save' ? s.behind : 0));
        const res = await save(delegates[s.who], 'EE', { baseRevision, set, unset }, version);
        expect([200, 409, 422], res.body).toContain(res.statusCode);
        if (res.statusCode !== 200) continue;
        if (res.json().revision === revision()) expect(applied(data, set, unset)).toEqual(data);
        else acknowledge(res, 'save', applied(data, set, unset));
      } else {
        const caller = s.kind === 'submit' ? delegates[0] : consultant;
        const payload = s.kind === 'submit' ? { revision: revision() } : s.kind === 'return' ? { message: 'Please check.' } : s.kind === 'reopen' ? { reason: 'Reopened.' } : undefined;
        const res = await caller.inject({ method: 'POST', url: responsesPath(version, 'EE', `/${s.kind}`), ...(payload ? { payload } : {}) });
        expect([200, 409, 422], res.body).toContain(res.statusCode);
        if (res.statusCode === 200) acknowledge(res, s.kind, data);
      }
    }
    return history;
  }

  async function expectHistory(version: number, history: readonly Expected[]): Promise<void> {
    for (const [index, expected] of history.entries()) {
      const n = index + 1;
      const body = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(version, 'EE', `/revisions/${n}`) }), 200);
      expect(body, `revision ${n}`).toEqual({ revision: n, ...expected });
    }
    expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(version, 'EE', `/revisions/${history.length + 1}`) }), 404, 'REVISION_NOT_FOUND');
  }

  it('rebuilds every revision as it was, whatever the saves, merges and status changes', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (generated) => {
        const version = await freshVersion();
        const history = await run(version, generated);
        await expectHistory(version, history);
        const current = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(version, 'EE') }), 200);
        expect(current.data).toEqual(history.at(-1)?.data ?? {});
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it('stores the full data at the first revision, every status change and every 50th revision, and the change elsewhere', async () => {
    const version = await freshVersion();
    const saves = (count: number): Step[] =>
      Array.from({ length: count }, (_, i) => ({ kind: 'save', who: (i % 2) as 0 | 1, behind: 0, set: { main_gaps: `gap ${i}`, shelter_places: i }, unset: i % 5 === 0 ? ['good_practice'] : [] }));
    const history = await run(version, [
      { kind: 'complete', who: 0 },
      ...saves(SNAPSHOT_EVERY - 3),
      { kind: 'submit' },
      { kind: 'return' },
      ...saves(SNAPSHOT_EVERY + 3),
    ]);
    expect(history.length).toBeGreaterThan(2 * SNAPSHOT_EVERY);
    expect(history[SNAPSHOT_EVERY - 2]).toMatchObject({ kind: 'submit' });
    expect(history[SNAPSHOT_EVERY - 1]).toMatchObject({ kind: 'return', status: 'returned' });

    const rows = await app.db
      .selectFrom('response_revisions as rv')
      .innerJoin('responses as r', 'r.id', 'rv.response_id')
      .select(['rv.revision', 'rv.kind', 'rv.data', 'rv.change'])
      .where('r.version', '=', version)
      .orderBy('rv.revision')
      .execute();
    const snapshots = rows.filter((row) => row.data !== null).map((row) => row.revision);
    expect(snapshots).toEqual([1, SNAPSHOT_EVERY - 1, SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY]);
    for (const row of rows) expect(row.change === null, `revision ${row.revision}`).toBe(row.kind !== 'save');
    // A save's change holds only what it changed, as applied: values already there are left out.
    expect(rows[2]!.change).toEqual({ set: { main_gaps: 'gap 1', shelter_places: 1 }, unset: [] });
    expect(rows[1]!.change).toEqual({ set: { main_gaps: 'gap 0', shelter_places: 0 }, unset: ['good_practice'] });

    await expectHistory(version, history);
  }, 120_000);
});
