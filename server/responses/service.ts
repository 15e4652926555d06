import { sql, type Kysely } from 'kysely';
import type { AuditService } from '../audit/service.js';
import { mayReadState } from '../auth/policy.js';
import type { SessionUser } from '../auth/principal.js';
import type { Database, ResponseStatus, RevisionKind } from '../db/schema.js';
import { notFound, unprocessable } from '../http/errors.js';
import { answerKeysOf, saveProblems } from './answers.js';
import { createCommentsService } from './comments.js';
import { createLifecycle } from './lifecycle.js';
import { applyChange, changedQuestions, effectiveChange, findOverlaps, isEmptyChange } from './merge.js';
import { createProgressCache, progressShare } from './progress.js';
import {
  appendRevision,
  editConflict,
  lockResponse,
  lockVersionStatus,
  resolveTarget,
  responseLocked,
  type Actor,
  type QuestionnaireSource,
  type ResponseTarget,
} from './records.js';

export type ShownStatus = ResponseStatus | 'not_started';

export interface ResponseSummary {
  memberState: string;
  status: ShownStatus;
  revision: number;
  progress: number;
  updatedAt: Date | null;
  submittedAt: Date | null;
  /** Extras beyond the contract: */
  memberStateName: string;
  updatedBy: string | null;
  openComments: number;
}

export interface ResponseDetail {
  memberState: string;
  status: ShownStatus;
  revision: number;
  data: Record<string, unknown>;
  updatedAt: Date | null;
  submittedAt: Date | null;
  progress: number;
  updatedBy: string | null;
}

export interface SaveRequest {
  baseRevision: number;
  set?: Record<string, unknown> | undefined;
  unset?: string[] | undefined;
}

export interface SaveResult {
  revision: number;
  status: ShownStatus;
  mergedFrom?: number;
}

export interface ResponsesDeps {
  readonly db: Kysely<Database>;
  readonly audit: AuditService;
  readonly questionnaires: QuestionnaireSource;
}

/**
 * Responses: one per survey version and member state, filled in by the state's delegates
 * (team editing with field-level merge), then submitted, reviewed, returned or accepted.
 * Who may call what is decided by the routes through auth/policy.ts; this service trusts the
 * caller it is given and decides what the data and the status allow.
 */
export function createResponsesService(deps: ResponsesDeps) {
  const { db, questionnaires } = deps;
  const progress = createProgressCache();

  /** Every member state's row the user may see; active states without a response as not_started. */
  async function list(surveyId: string, version: number, user: SessionUser): Promise<ResponseSummary[]> {
    const { questionnaire } = await questionnaires.load(surveyId, version);
    const states = await db.selectFrom('member_states').select(['code', 'name', 'active']).orderBy('sort_order').orderBy('code').execute();
    const rows = await db
      .selectFrom('responses as r')
      .leftJoin('users as u', 'u.id', 'r.updated_by')
      .select(['r.id', 'r.member_state_code', 'r.status', 'r.revision', 'r.updated_at', 'r.submitted_at', 'u.name as updated_by_name'])
      .where('r.survey_id', '=', surveyId)
      .where('r.version', '=', version)
      .$if(user.role === 'delegate', (q) => q.where('r.member_state_code', '=', user.memberState ?? ''))
      .execute();
    const visible = rows.filter((row) => mayReadState(user, row.member_state_code));
    const ids = visible.map((row) => row.id);

    const shares = new Map<string, number>();
    const unmeasured = visible.filter((row) => {
      const share = progress.cached(row.id, row.revision);
      if (share !== undefined) shares.set(row.id, share);
      return share === undefined;
    });
    if (unmeasured.length > 0) {
      const withData = await db
        .selectFrom('responses')
        .select(['id', 'revision', 'data'])
        .where('id', 'in', unmeasured.map((row) => row.id))
        .execute();
      for (const row of withData) shares.set(row.id, progress.measure(questionnaire, row.id, row.revision, row.data));
    }
    const open = new Map<string, number>();
    if (ids.length > 0) {
      const counts = await db
        .selectFrom('review_comments')
        .select(['response_id', (eb) => eb.fn.countAll<string>().as('open')])
        .where('response_id', 'in', ids)
        .where('resolved_at', 'is', null)
        .groupBy('response_id')
        .execute();
      for (const count of counts) open.set(count.response_id, Number(count.open));
    }

    const byState = new Map(visible.map((row) => [row.member_state_code, row]));
    const summaries: ResponseSummary[] = [];
    for (const state of states) {
      if (!mayReadState(user, state.code)) continue;
      const row = byState.get(state.code);
      if (row) {
        summaries.push({
          memberState: state.code,
          memberStateName: state.name,
          status: row.status,
          revision: row.revision,
          progress: shares.get(row.id) ?? 0,
          updatedAt: row.updated_at,
          submittedAt: row.submitted_at,
          updatedBy: row.updated_by_name,
          openComments: open.get(row.id) ?? 0,
        });
      } else if (state.active) {
        summaries.push({
          memberState: state.code,
          memberStateName: state.name,
          status: 'not_started',
          revision: 0,
          progress: 0,
          updatedAt: null,
          submittedAt: null,
          updatedBy: null,
          openComments: 0,
        });
      }
    }
    return summaries;
  }

  async function get(target: ResponseTarget): Promise<ResponseDetail> {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    const row = await db
      .selectFrom('responses as r')
      .leftJoin('users as u', 'u.id', 'r.updated_by')
      .select(['r.id', 'r.status', 'r.revision', 'r.data', 'r.updated_at', 'r.submitted_at', 'u.name as updated_by_name'])
      .where('r.survey_id', '=', target.surveyId)
      .where('r.version', '=', target.version)
      .where('r.member_state_code', '=', target.memberState)
      .executeTakeFirst();
    if (!row) {
      return { memberState: target.memberState, status: 'not_started', revision: 0, data: {}, updatedAt: null, submittedAt: null, progress: 0, updatedBy: null };
    }
    return {
      memberState: target.memberState,
      status: row.status,
      revision: row.revision,
      data: row.data,
      updatedAt: row.updated_at,
      submittedAt: row.submitted_at,
      progress: progress.measure(questionnaire, row.id, row.revision, row.data),
      updatedBy: row.updated_by_name,
    };
  }

  /**
   * A delegate's save. In the contract's order: unknown target (404), invalid values (422),
   * then — in one transaction holding the response's row lock — locked (409 RESPONSE_LOCKED) and
   * overlapping edits (409 EDIT_CONFLICT). Any refusal leaves the database as it was.
   */
  async function save(target: ResponseTarget, actor: Actor, request: SaveRequest): Promise<SaveResult> {
    const { questionnaire, state } = await resolveTarget(db, questionnaires, target);
    const requested = { set: request.set ?? {}, unset: request.unset ?? [] };
    const problems = saveProblems(questionnaire, requested.set, requested.unset);
    if (problems.length > 0) throw unprocessable('INVALID_ANSWER', 'Some answers are not valid; nothing was saved.', problems);
    const { questionOf } = answerKeysOf(questionnaire);

    return db.transaction().execute(async (trx) => {
      if ((await lockVersionStatus(trx, target)) === 'closed') throw responseLocked('version_closed');
      let row = await lockResponse(trx, target);
      if (!row) {
        if (!state.active) throw responseLocked('member_state_inactive');
        if (request.baseRevision > 0) throw editConflict(0, []);
        if (isEmptyChange(effectiveChange({}, requested))) return { revision: 0, status: 'not_started' };
        // Two first saves at once: one inserts, the other waits here for it, then both lock the one row.
        await trx
          .insertInto('responses')
          .values({ survey_id: target.surveyId, version: target.version, member_state_code: target.memberState })
          .onConflict((oc) => oc.columns(['survey_id', 'version', 'member_state_code']).doNothing())
          .execute();
        row = await lockResponse(trx, target);
        if (!row) throw new Error('the response row was neither inserted nor found');
      }
      if (row.status === 'submitted' || row.status === 'accepted') throw responseLocked(row.status);
      if (request.baseRevision > row.revision) throw editConflict(row.revision, []);

      const change = effectiveChange(row.data, requested);
      if (isEmptyChange(change)) return { revision: row.revision, status: row.status };
      const changed = changedQuestions(change, questionOf);

      let mergedFrom: number | undefined;
      if (request.baseRevision < row.revision) {
        const later = await trx
          .selectFrom('response_revisions')
          .select(['revision', 'author', 'author_name', 'at', 'changed'])
          .where('response_id', '=', row.id)
          .where('revision', '>', request.baseRevision)
          .where('kind', '=', 'save')
          .execute();
        const overlaps = findOverlaps(
          changed,
          later.map((r) => ({ revision: r.revision, author: r.author, authorName: r.author_name, at: r.at, changed: r.changed })),
          actor.user.id,
        );
        if (overlaps.length > 0) {
          const current = row.data;
          throw editConflict(
            row.revision,
            overlaps.map((o) => {
              const comment = `${o.question}-Comment`;
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
        mergedFrom = row.revision;
      }

      const data = applyChange(row.data, change);
      const revision = row.revision + 1;
      await trx
        .updateTable('responses')
        .set({ data: JSON.stringify(data), revision, updated_at: sql<Date>`now()`, updated_by: actor.user.id })
        .where('id', '=', row.id)
        .execute();
      await appendRevision(trx, { responseId: row.id, revision, status: row.status, data, changed, author: actor.user, kind: 'save' });
      return mergedFrom === undefined ? { revision, status: row.status } : { revision, status: row.status, mergedFrom };
    });
  }

  async function revisions(target: ResponseTarget) {
    await resolveTarget(db, questionnaires, target);
    const rows = await revisionsOf(target)
      .select(['rv.revision', 'rv.kind', 'rv.status', 'rv.author_name', 'rv.at', 'rv.changed'])
      .orderBy('rv.revision')
      .execute();
    return rows.map((r) => ({ revision: r.revision, kind: r.kind, status: r.status, author: r.author_name, at: r.at, changed: r.changed }));
  }

  async function revision(target: ResponseTarget, number: number): Promise<{ revision: number; kind: RevisionKind; status: ResponseStatus; data: Record<string, unknown> }> {
    await resolveTarget(db, questionnaires, target);
    const row = await revisionsOf(target).select(['rv.revision', 'rv.kind', 'rv.status', 'rv.data']).where('rv.revision', '=', number).executeTakeFirst();
    if (!row) throw notFound('REVISION_NOT_FOUND', 'The response has no such revision.');
    return { revision: row.revision, kind: row.kind, status: row.status, data: row.data };
  }

  function revisionsOf(target: ResponseTarget) {
    return db
      .selectFrom('response_revisions as rv')
      .innerJoin('responses as r', 'r.id', 'rv.response_id')
      .where('r.survey_id', '=', target.surveyId)
      .where('r.version', '=', target.version)
      .where('r.member_state_code', '=', target.memberState);
  }

  return {
    list,
    get,
    save,
    revisions,
    revision,
    ...createLifecycle(deps),
    comments: createCommentsService(deps),
  };
}

export type ResponsesService = ReturnType<typeof createResponsesService>;
