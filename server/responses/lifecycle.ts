import { sql, type Transaction } from 'kysely';
import type { Database, ResponseStatus, RevisionKind } from '../db/schema.js';
import { unprocessable } from '../http/errors.js';
import { editConflict, invalidTransition, responseLocked } from './refusals.js';
import { appendRevision, lockResponse, lockVersionStatus, type ResponseRow } from './response-rows.js';
import { auditTarget, resolveTarget, type Actor, type ResponseTarget } from './target.js';
import { cleanMessage } from './messages.js';
import type { TransitionResult } from './schemas.js';
import type { ResponsesDeps } from './service.js';

/** The shape of the contract's answer (schemas.ts). */
export type { TransitionResult } from './schemas.js';

/**
 * The lifecycle: draft → submitted (delegate, valid answers only) → returned (consultant, with
 * a comment) → submitted again → accepted (consultant). A consultant or administrator may reopen
 * an accepted response (back to returned, with the reason as a comment). Each step is one
 * revision (data unchanged) and one audit event, written in the transaction that holds the
 * response's row lock.
 */
export function createLifecycle({ db, audit, questionnaires }: ResponsesDeps) {
  /** 404 → 422 VALIDATION_FAILED → 409 RESPONSE_LOCKED / INVALID_TRANSITION / EDIT_CONFLICT. */
  async function submit(target: ResponseTarget, actor: Actor, revision: number): Promise<TransitionResult> {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    return db.transaction().execute(async (trx) => {
      const versionStatus = await lockVersionStatus(trx, target);
      const row = await lockResponse(trx, target);
      const problems = questionnaire.validateForSubmit(row?.data ?? {});
      if (problems.length > 0) throw unprocessable('VALIDATION_FAILED', 'The response cannot be submitted yet; nothing was changed.', problems);
      if (versionStatus === 'closed') throw responseLocked('version_closed');
      if (!row || (row.status !== 'draft' && row.status !== 'returned')) throw invalidTransition(row?.status ?? 'not_started', 'submitted');
      if (revision !== row.revision) throw editConflict(row.revision, []);
      return transition(trx, target, actor, row, { kind: 'submit', status: 'submitted', action: 'response.submitted' });
    });
  }

  /** Back to the delegates (only from submitted); the message becomes a whole-response comment. */
  async function returnResponse(target: ResponseTarget, actor: Actor, message: string): Promise<TransitionResult> {
    await resolveTarget(db, questionnaires, target);
    const body = cleanMessage(message, 'INVALID_MESSAGE', 'The message');
    return db.transaction().execute(async (trx) => {
      const row = await lockResponse(trx, target);
      if (!row || row.status !== 'submitted') throw invalidTransition(row?.status ?? 'not_started', 'returned');
      return transition(trx, target, actor, row, { kind: 'return', status: 'returned', action: 'response.returned', comment: body });
    });
  }

  async function accept(target: ResponseTarget, actor: Actor): Promise<TransitionResult> {
    await resolveTarget(db, questionnaires, target);
    return db.transaction().execute(async (trx) => {
      const row = await lockResponse(trx, target);
      if (!row || row.status !== 'submitted') throw invalidTransition(row?.status ?? 'not_started', 'accepted');
      return transition(trx, target, actor, row, { kind: 'accept', status: 'accepted', action: 'response.accepted' });
    });
  }

  /** An accepted response back to returned, so the delegates can change it; the reason becomes a comment. */
  async function reopen(target: ResponseTarget, actor: Actor, reason: string): Promise<TransitionResult> {
    await resolveTarget(db, questionnaires, target);
    const body = cleanMessage(reason, 'INVALID_REASON', 'The reason');
    return db.transaction().execute(async (trx) => {
      const row = await lockResponse(trx, target);
      if (!row || row.status !== 'accepted') throw invalidTransition(row?.status ?? 'not_started', 'reopened');
      return transition(trx, target, actor, row, { kind: 'reopen', status: 'returned', action: 'response.reopened', comment: body });
    });
  }

  async function transition(
    trx: Transaction<Database>,
    target: ResponseTarget,
    actor: Actor,
    row: ResponseRow,
    step: { kind: RevisionKind; status: ResponseStatus; action: string; comment?: string },
  ): Promise<TransitionResult> {
    const revision = row.revision + 1;
    await trx
      .updateTable('responses')
      .set({
        status: step.status,
        revision,
        updated_at: sql<Date>`now()`,
        updated_by: actor.user.id,
        ...(step.kind === 'submit' ? { submitted_at: sql<Date>`now()` } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await appendRevision(trx, { responseId: row.id, revision, status: step.status, data: row.data, changed: [], author: actor.user, kind: step.kind });
    let commentId: string | undefined;
    if (step.comment !== undefined) {
      const comment = await trx
        .insertInto('review_comments')
        .values({ response_id: row.id, question: null, body: step.comment, author: actor.user.id, author_name: actor.user.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      commentId = comment.id;
    }
    await audit.record(
      {
        actor: actor.user,
        action: step.action,
        target: auditTarget(target),
        details: { revision, from: row.status, to: step.status, ...(commentId ? { commentId } : {}) },
        ip: actor.ip,
      },
      trx,
    );
    return { revision, status: step.status };
  }

  return { submit, returnResponse, accept, reopen };
}
