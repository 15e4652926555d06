import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../server/auth/principal.js';
import type { ResponseStatus, SurveyVersionStatus } from '../../../server/db/schema.js';
import { compileQuestionnaire, type JsonObject } from '../../../server/questionnaire/index.js';
import { applyChange, changedQuestions, effectiveChange, findOverlaps, isEmptyChange, type Answers, type Change, type LaterRevision } from '../../../server/responses/merge.js';
import { saveLockReason } from '../../../server/responses/save-conditions.js';
import { firstSaveOf, saveAtBase, saveAtBaseOf, startWithSave, writeSave } from '../../../server/responses/save-statements.js';
import type { ResponseTarget } from '../../../server/responses/target.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { SURVEY } from './support.js';

/**
 * The save statements (save-statements.ts) decide in SQL what merge.ts and save-conditions.ts
 * decide in Node, for speed. On generated saves against a real database this holds them to the
 * same decisions: whether a save writes (lock refusals, a base behind the response, nothing to
 * change), the effective change and the data after it, the questions it changed, the current
 * values it reads and the later revisions it finds conflicts in.
 */

const VERSION = 2;
const definition = JSON.parse(readFileSync(new URL('../../../survey-definitions/national-cooperation/v2.json', import.meta.url), 'utf8')) as JsonObject;
const { dataKeys } = compileQuestionnaire(definition);

// Questions with an "other" text, and one without: a comment key belongs to its question.
const QUESTIONS = ['institution_type', 'mou_obstacles', 'identification_authority', 'main_gaps'];
const KEYS = [...QUESTIONS, ...QUESTIONS.slice(0, 3).map(dataKeys.commentKeyOf)];

/** Values jsonb and sameJson must agree on: equal objects with their keys in another order, arrays whose order matters, null. */
const value = fc.oneof(
  fc.constant(null),
  fc.constantFrom<unknown>('a', 'b', '', 0, 1, 2.5, true, false),
  fc.constantFrom<unknown>(['a', 'b'], ['b', 'a'], [], { x: 1, y: [2] }, { y: [2], x: 1 }, { x: 1 }),
);
const answers = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: KEYS.length });
const change = fc.record({ set: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 }), unset: fc.array(fc.constantFrom(...KEYS), { maxLength: 4 }) });
// Weighted towards what a save may change, and (below) towards a base at the current revision, where the one statement writes.
const statuses = fc.constantFrom<ResponseStatus>('draft', 'draft', 'returned', 'submitted', 'accepted');
const versionStatuses = fc.constantFrom<SurveyVersionStatus>('open', 'open', 'closed');

/** A response with its save history, and a save of it from some base revision. */
const savedResponse = fc.record({
  current: answers,
  status: statuses,
  versionStatus: versionStatuses,
  history: fc.array(fc.record({ byMe: fc.boolean(), changed: fc.subarray(QUESTIONS, { minLength: 1 }) }), { minLength: 1, maxLength: 5 }),
  behind: fc.constantFrom(0, 0, 0, 1, 2, -1),
  requested: change,
});

describe('the save statements against merge.ts', () => {
  let app: FastifyInstance;
  let me: SessionUser;
  let other: SessionUser;
  let states = 0;

  beforeAll(async () => {
    app = await buildTestApp();
    const person = async (name: string): Promise<SessionUser> => {
      const created = await app.users.create({ email: `${name}@example.org`, name, role: 'consultant', memberState: null });
      return { id: created.id, email: `${name}@example.org`, name, role: 'consultant', memberState: null, mustChangePassword: false };
    };
    me = await person('differential-me');
    other = await person('differential-other');
  });
  afterAll(() => app.close());

  /** A fresh member state per generated case: revisions are never deleted. */
  async function freshTarget(active: boolean, versionStatus: SurveyVersionStatus): Promise<ResponseTarget> {
    const code = `DIFF-${String(++states).padStart(4, '0')}`;
    await app.db.insertInto('member_states').values({ code, name: `Differential ${states}`, active }).execute();
    await app.db.updateTable('survey_versions').set({ status: versionStatus }).where('survey_id', '=', SURVEY).where('version', '=', VERSION).execute();
    return { surveyId: SURVEY, version: VERSION, memberState: code };
  }

  const responseOf = (target: ResponseTarget) =>
    app.db
      .selectFrom('responses')
      .select(['id', 'status', 'revision', 'data'])
      .where('survey_id', '=', target.surveyId)
      .where('version', '=', target.version)
      .where('member_state_code', '=', target.memberState)
      .executeTakeFirst();
  const revisionOf = (responseId: string, revision: number) =>
    app.db.selectFrom('response_revisions').select(['status', 'data', 'change', 'changed', 'author']).where('response_id', '=', responseId).where('revision', '=', revision).executeTakeFirstOrThrow();
  const shape = (row: { revision: number; status: string; data: unknown } | undefined) => row && { revision: row.revision, status: row.status, data: row.data };
  const overlapsOf = (changed: readonly string[], later: readonly LaterRevision[]) =>
    findOverlaps(changed, later, me.id).map(({ question, changedBy, revision }) => ({ question, changedBy, revision }));

  it('decide a save of an existing response as merge.ts does', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(savedResponse, async ({ current, status, versionStatus, history, behind, requested }) => {
        const target = await freshTarget(true, versionStatus);
        const revision = history.length;
        const { id } = await app.db
          .insertInto('responses')
          .values({ survey_id: target.surveyId, version: target.version, member_state_code: target.memberState, data: JSON.stringify(current), status, revision })
          .returning('id')
          .executeTakeFirstOrThrow();
        await app.db
          .insertInto('response_revisions')
          .values(
            history.map((step, index) => ({
              response_id: id,
              revision: index + 1,
              status: 'draft' as const,
              // What these revisions set does not matter here, only the questions they changed.
              data: index === 0 ? '{}' : null,
              change: index === 0 ? null : JSON.stringify({ set: {}, unset: [] }),
              changed: [...step.changed].sort(),
              author: step.byMe ? me.id : other.id,
              author_name: step.byMe ? me.name : other.name,
              kind: 'save' as const,
            })),
          )
          .execute();
        const baseRevision = Math.max(0, revision - behind);

        const seen = await saveAtBase(app.db, target, saveAtBaseOf(baseRevision, requested, dataKeys, me));

        // What Node decides from the same response.
        const lock = saveLockReason(versionStatus, status);
        const effective = effectiveChange(current, requested);
        const changed = changedQuestions(effective, dataKeys.questionOf);
        const writesAtBase = lock === null && baseRevision === revision && !isEmptyChange(effective);
        expect(seen).toBeDefined();
        expect(seen!.written).toBe(writesAtBase);
        expect([seen!.versionStatus, seen!.status, seen!.revision]).toEqual([versionStatus, status, revision]);
        const readKeys = saveAtBaseOf(baseRevision, requested, dataKeys, me).readKeys;
        expect(seen!.current).toEqual(Object.fromEntries(Object.entries(current).filter(([key]) => readKeys.includes(key))));
        // The statement reads only the later revisions that touch a requested question; the conflicts stay those of all of them.
        const allLater: LaterRevision[] = history
          .map((step, index) => ({ revision: index + 1, author: step.byMe ? me.id : other.id, authorName: step.byMe ? me.name : other.name, at: new Date(0), changed: step.changed }))
          .filter((later) => later.revision > baseRevision);
        expect(overlapsOf(changed, seen!.later)).toEqual(overlapsOf(changed, allLater));

        const row = await responseOf(target);
        if (writesAtBase) {
          expectWritten(row, await revisionOf(id, revision + 1), { current, effective, changed, revision: revision + 1, status });
          return;
        }
        expect(shape(row)).toEqual({ revision, status, data: current });

        // The second statement, after Node decided on a merge: it writes unless the version is closed.
        if (isEmptyChange(effective)) return;
        const wrote = await writeSave(app.db, { target, responseId: id, revision, status, change: effective, changed, author: me });
        expect(wrote).toBe(versionStatus === 'open');
        if (wrote) expectWritten(await responseOf(target), await revisionOf(id, revision + 1), { current, effective, changed, revision: revision + 1, status });
        else expect(shape(await responseOf(target))).toEqual({ revision, status, data: current });
      }),
      { numRuns: 120 },
    );
  });

  it('write a first save exactly when the long way would', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), versionStatuses, fc.boolean(), change, async (active, versionStatus, exists, requested) => {
        const target = await freshTarget(active, versionStatus);
        if (exists) await app.db.insertInto('responses').values({ survey_id: target.surveyId, version: target.version, member_state_code: target.memberState }).execute();
        const first = firstSaveOf(requested, dataKeys.questionOf, me);
        const effective = effectiveChange({}, requested);
        expect(first === undefined).toBe(isEmptyChange(effective));
        if (!first) return;

        const written = await startWithSave(app.db, target, first);

        expect(written).toBe(active && versionStatus === 'open' && !exists);
        const row = await responseOf(target);
        if (!written) {
          expect(row === undefined).toBe(!exists);
          if (row) expect(shape(row)).toEqual({ revision: 0, status: 'draft', data: {} });
          return;
        }
        const changed = changedQuestions(effective, dataKeys.questionOf);
        expect(first.changed).toEqual(changed);
        expectWritten(row, await revisionOf(row!.id, 1), { current: {}, effective, changed, revision: 1, status: 'draft' });
      }),
      { numRuns: 60 },
    );
  });

  function expectWritten(
    row: { revision: number; status: string; data: Record<string, unknown> } | undefined,
    stored: { status: string; data: unknown; change: unknown; changed: string[]; author: string | null },
    expected: { current: Answers; effective: Change; changed: string[]; revision: number; status: ResponseStatus },
  ): void {
    const data = applyChange(expected.current, expected.effective);
    expect(shape(row)).toEqual({ revision: expected.revision, status: expected.status, data });
    expect(stored.change).toEqual({ set: expected.effective.set, unset: expected.effective.unset });
    expect(stored.changed).toEqual(expected.changed);
    expect([stored.status, stored.author]).toEqual([expected.status, me.id]);
    if (expected.revision === 1) expect(stored.data).toEqual(data);
  }
});
