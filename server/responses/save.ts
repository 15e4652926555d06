import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { unprocessable } from '../http/errors.js';
import type { DataKeys, Problem } from '../questionnaire/index.js';
import { saveProblems } from './answers.js';
import { changedQuestions, effectiveChange, findOverlaps, isEmptyChange, type Change, type LaterRevision } from './merge.js';
import { editConflict, responseLocked } from './refusals.js';
import { lockResponse, lockVersionStatus } from './response-rows.js';
import { OPEN_VERSION, saveLockReason } from './save-conditions.js';
import { firstSaveOf, laterRevisions, lockForSave, saveAtBase, saveAtBaseOf, startWithSave, writeSave, type SaveView } from './save-statements.js';
import { getMemberState, type Actor, type ResponseTarget } from './target.js';
import type { SaveResult } from './schemas.js';
import type { ResponsesDeps } from './service.js';

export interface SaveRequest {
  baseRevision: number;
  set?: Record<string, unknown> | undefined;
  unset?: string[] | undefined;
}

/** The shape of the contract's answer (schemas.ts). */
export type { SaveResult } from './schemas.js';

/** What to answer, and the change to write when there is one. */
interface Decision {
  readonly result: SaveResult;
  readonly write?: { readonly change: Change; readonly changed: string[] };
}

/**
 * A delegate's save. In the contract's order: unknown target (404), invalid values (422), then
 * locked (409 RESPONSE_LOCKED) and overlapping edits (409 EDIT_CONFLICT). Any refusal leaves
 * the database as it was.
 *
 * Autosave is the busiest request, and on it each statement's round trip costs more than the
 * work in it. So a valid save first tries the short way: the questionnaire from the process
 * cache and one statement — for a save from revision 0, one that creates the response with its
 * answers (startWithSave); else one that reads without locks and, when the editor is at the
 * current revision, also writes (saveAtBase). Otherwise (a merge, a conflict, a
 * lock, nothing to change) it decides from what that statement read, and a second statement
 * writes only if the response is still at the revision read. When there is no response row yet,
 * or another save got in first, it takes the long way: the same decisions in a transaction
 * holding the response's row lock.
 */
export function createSave({ db, questionnaires }: Pick<ResponsesDeps, 'db' | 'questionnaires'>) {
  async function save(target: ResponseTarget, actor: Actor, request: SaveRequest): Promise<SaveResult> {
    const questionnaire = await questionnaires.questionnaire(target.surveyId, target.version);
    const requested: Change = { set: request.set ?? {}, unset: request.unset ?? [] };
    const problems = saveProblems(questionnaire, requested.set, requested.unset);
    const { dataKeys } = questionnaire;
    const decide = (view: SaveView, later: (changed: string[]) => Promise<LaterRevision[]>) => decideSave(view, request.baseRevision, requested, dataKeys, actor, later);

    // Invalid values take the long way, which tells an unknown member state (404) from them (422).
    if (problems.length === 0) {
      const first = request.baseRevision === 0 ? firstSaveOf(requested, dataKeys.questionOf, actor.user) : undefined;
      if (first && (await startWithSave(db, target, first))) return { revision: 1, status: 'draft' };
      const seen = await saveAtBase(db, target, saveAtBaseOf(request.baseRevision, requested, dataKeys, actor.user));
      if (seen?.written) return { revision: request.baseRevision + 1, status: seen.status };
      if (seen) {
        const decision = await decide(seen, async () => seen.later);
        if (!decision.write) return decision.result;
        if (await writeSave(db, { target, responseId: seen.responseId, revision: seen.revision, status: seen.status, ...decision.write, author: actor.user })) {
          return decision.result;
        }
      }
    }

    return db.transaction().execute(async (trx) => {
      let view = await lockForSave(trx, target);
      if (view) {
        // The row proves the member state exists: no 404 is left to come before the 422.
        refuseInvalid(problems);
      } else {
        view = await lockOrStart(trx, target, request.baseRevision, requested, problems);
        if (!view) return { revision: 0, status: 'not_started' };
      }
      const locked = view;
      const decision = await decide(locked, (changed) => laterRevisions(trx, locked.responseId, request.baseRevision, changed));
      if (!decision.write) return decision.result;
      const written = await writeSave(trx, { target, responseId: locked.responseId, revision: locked.revision, status: locked.status, ...decision.write, author: actor.user });
      if (!written) throw new Error('a save under the row lock found the response changed');
      return decision.result;
    });
  }

  return { save };
}

function refuseInvalid(problems: readonly Problem[]): void {
  if (problems.length > 0) throw unprocessable('INVALID_ANSWER', 'Some answers are not valid; nothing was saved.', problems);
}

/**
 * After the 404s and the 422: locked (409 RESPONSE_LOCKED), a base revision the response has
 * not reached (409 EDIT_CONFLICT), nothing to change (the current revision, nothing written),
 * and overlaps with what others saved since the base (409 EDIT_CONFLICT). `later` gives the
 * save revisions after the base that changed one of the questions.
 */
async function decideSave(
  view: SaveView,
  baseRevision: number,
  requested: Change,
  dataKeys: DataKeys,
  actor: Actor,
  later: (changed: string[]) => Promise<LaterRevision[]>,
): Promise<Decision> {
  const locked = saveLockReason(view.versionStatus, view.status);
  if (locked) throw responseLocked(locked);
  if (baseRevision > view.revision) throw editConflict(view.revision, []);
  const change = effectiveChange(view.current, requested);
  if (isEmptyChange(change)) return { result: { revision: view.revision, status: view.status } };
  const changed = changedQuestions(change, dataKeys.questionOf);
  const revision = view.revision + 1;
  if (baseRevision === view.revision) return { result: { revision, status: view.status }, write: { change, changed } };

  const overlaps = findOverlaps(changed, await later(changed), actor.user.id);
  if (overlaps.length > 0) {
    const { current } = view;
    throw editConflict(
      view.revision,
      overlaps.map((o) => {
        const comment = dataKeys.commentKeyOf(o.question);
        return {
          question: o.question,
          currentValue: current[o.question] ?? null,
          ...(Object.hasOwn(current, comment) ? { currentComment: current[comment] } : {}),
          changedBy: o.changedBy,
          changedAt: o.changedAt,
        };
      }),
    );
  }
  return { result: { revision, status: view.status, mergedFrom: view.revision }, write: { change, changed } };
}

/**
 * The long way, when there is no response row (yet): 404 for an unknown member state, 422, the
 * version's status under its share lock, then the row — found if a first save running at the
 * same time created it, else inserted. Undefined: a first save that changes nothing, which
 * creates no response.
 */
async function lockOrStart(
  trx: Transaction<Database>,
  target: ResponseTarget,
  baseRevision: number,
  requested: Change,
  problems: readonly Problem[],
): Promise<SaveView | undefined> {
  const state = await getMemberState(trx, target.memberState);
  refuseInvalid(problems);
  if ((await lockVersionStatus(trx, target)) !== OPEN_VERSION) throw responseLocked('version_closed');
  let row = await lockResponse(trx, target);
  if (!row) {
    if (!state.active) throw responseLocked('member_state_inactive');
    if (baseRevision > 0) throw editConflict(0, []);
    if (isEmptyChange(effectiveChange({}, requested))) return undefined;
    // Two first saves at once: one inserts, the other waits here for it, then both lock the one row.
    await trx
      .insertInto('responses')
      .values({ survey_id: target.surveyId, version: target.version, member_state_code: target.memberState })
      .onConflict((oc) => oc.columns(['survey_id', 'version', 'member_state_code']).doNothing())
      .execute();
    row = await lockResponse(trx, target);
    if (!row) throw new Error('the response row was neither inserted nor found');
  }
  return { versionStatus: 'open', responseId: row.id, status: row.status, revision: row.revision, current: row.data };
}
