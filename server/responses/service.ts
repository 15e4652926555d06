import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/service.js';
import type { SurveysService } from '../surveys/service.js';
import { readableStateOf } from '../auth/policy.js';
import type { SessionUser } from '../auth/principal.js';
import type { Database, ResponseStatus, RevisionKind } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { createCommentsService } from './comments.js';
import { createLifecycle } from './lifecycle.js';
import { createPrefill } from './prefill.js';
import { progressShare } from './progress.js';
import { resolveTarget, type QuestionnaireSource, type ResponseTarget } from './target.js';
import { dataAfter } from './revision-snapshots.js';
import type { ResponseDetail, ResponseSummary } from './schemas.js';
import { createSave } from './save.js';

/** The shapes come from the route schemas (schemas.ts), so the types and the contract cannot drift apart. */
export type { ResponseDetail, ResponseSummary, ShownStatus } from './schemas.js';

export interface ResponsesDeps {
  readonly db: Kysely<Database>;
  readonly audit: AuditService;
  readonly questionnaires: QuestionnaireSource;
  /** The survey's crosswalk, for prefill. */
  readonly surveys: Pick<SurveysService, 'crosswalkOf'>;
}

/**
 * Responses: one per survey version and member state, filled in by the state's delegates
 * (team editing with field-level merge), then submitted, reviewed, returned or accepted.
 * Who may call what is decided by the routes through auth/policy.ts; this service trusts the
 * caller it is given and decides what the data and the status allow.
 */
export function createResponsesService(deps: ResponsesDeps) {
  const { db, questionnaires } = deps;
  /** Every member state's row the user may see; active states without a response as not_started. */
  async function list(surveyId: string, version: number, user: SessionUser): Promise<ResponseSummary[]> {
    const { questionnaire } = await questionnaires.load(surveyId, version);
    const readable = readableStateOf(user);
    const states = await db
      .selectFrom('member_states')
      .select(['code', 'name', 'active'])
      .$if(readable !== null, (q) => q.where('code', '=', readable!))
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
    const rows = await db
      .selectFrom('responses as r')
      .leftJoin('users as u', 'u.id', 'r.updated_by')
      .select(['r.id', 'r.member_state_code', 'r.status', 'r.revision', 'r.data', 'r.updated_at', 'r.submitted_at', 'u.name as updated_by_name'])
      .where('r.survey_id', '=', surveyId)
      .where('r.version', '=', version)
      .$if(readable !== null, (q) => q.where('r.member_state_code', '=', readable!))
      .execute();
    const ids = rows.map((row) => row.id);

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

    const byState = new Map(rows.map((row) => [row.member_state_code, row]));
    const summaries: ResponseSummary[] = [];
    for (const state of states) {
      const row = byState.get(state.code);
      if (row) {
        summaries.push({
          memberState: state.code,
          memberStateName: state.name,
          status: row.status,
          revision: row.revision,
          // Microseconds with the submit rules (server/questionnaire/submit-rules): measured, not cached.
          progress: progressShare(questionnaire, row.data),
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
    const { questionnaire, state } = await resolveTarget(db, questionnaires, target);
    const row = await db
      .selectFrom('responses as r')
      .leftJoin('users as u', 'u.id', 'r.updated_by')
      .select(['r.id', 'r.status', 'r.revision', 'r.data', 'r.updated_at', 'r.submitted_at', 'u.name as updated_by_name'])
      .where('r.survey_id', '=', target.surveyId)
      .where('r.version', '=', target.version)
      .where('r.member_state_code', '=', target.memberState)
      .executeTakeFirst();
    if (!row) {
      return { memberState: target.memberState, memberStateName: state.name, status: 'not_started', revision: 0, data: {}, updatedAt: null, submittedAt: null, progress: 0, updatedBy: null };
    }
    return {
      memberState: target.memberState,
      memberStateName: state.name,
      status: row.status,
      revision: row.revision,
      data: row.data,
      updatedAt: row.updated_at,
      submittedAt: row.submitted_at,
      progress: progressShare(questionnaire, row.data),
      updatedBy: row.updated_by_name,
    };
  }

  async function revisions(target: ResponseTarget) {
    await resolveTarget(db, questionnaires, target);
    const rows = await revisionsOf(target)
      .select(['rv.revision', 'rv.kind', 'rv.status', 'rv.author_name', 'rv.at', 'rv.changed'])
      .orderBy('rv.revision')
      .execute();
    return rows.map((r) => ({ revision: r.revision, kind: r.kind, status: r.status, author: r.author_name, at: r.at, changed: r.changed }));
  }

  /** Rebuilt from the latest snapshot up to the revision and the changes after it (see revision-snapshots.ts). */
  async function revision(target: ResponseTarget, number: number): Promise<{ revision: number; kind: RevisionKind; status: ResponseStatus; data: Record<string, unknown> }> {
    await resolveTarget(db, questionnaires, target);
    const rows = await db
      .selectFrom('responses as r')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('response_revisions as s')
            .select((s) => s.fn.max('s.revision').as('revision'))
            .whereRef('s.response_id', '=', 'r.id')
            .where('s.revision', '<=', number)
            .where('s.data', 'is not', null)
            .as('snapshot'),
        (join) => join.onTrue(),
      )
      .innerJoin('response_revisions as rv', (join) => join.onRef('rv.response_id', '=', 'r.id').onRef('rv.revision', '>=', 'snapshot.revision'))
      .select(['rv.revision', 'rv.kind', 'rv.status', 'rv.data', 'rv.change'])
      .where('r.survey_id', '=', target.surveyId)
      .where('r.version', '=', target.version)
      .where('r.member_state_code', '=', target.memberState)
      .where('rv.revision', '<=', number)
      .orderBy('rv.revision')
      .execute();
    const row = rows.at(-1);
    if (!row || row.revision !== number) throw notFound('REVISION_NOT_FOUND', 'The response has no such revision.');
    return { revision: row.revision, kind: row.kind, status: row.status, data: dataAfter(rows) };
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
    revisions,
    revision,
    ...createSave(deps),
    ...createPrefill(deps),
    ...createLifecycle(deps),
    comments: createCommentsService(deps),
  };
}

export type ResponsesService = ReturnType<typeof createResponsesService>;
