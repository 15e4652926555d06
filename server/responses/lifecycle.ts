import { randomUUID } from 'node:crypto';
import type { ResponseStatus, RevisionKind, SurveyVersionStatus } from '../db/schema.js';
import { unprocessable } from '../http/errors.js';
import type { CompiledQuestionnaire } from '../questionnaire/index.js';
import { editConflict, invalidTransition, responseLocked } from './refusals.js';
import { lockResponse, lockVersionStatus, versionNotFound } from './response-rows.js';
import { readForTransition, writeTransition, type TransitionResponse, type TransitionWrite } from './lifecycle-statements.js';
import { EDITABLE_STATUSES, OPEN_VERSION } from './save-conditions.js';
import { auditTarget, memberStateNotFound, type Actor, type ResponseTarget } from './target.js';
import { cleanMessage } from './messages.js';
import type { TransitionResult } from './schemas.js';
import type { ResponsesDeps } from './service.js';

/** The shape of the contract's answer (schemas.ts). */
export type { TransitionResult } from './schemas.js';

/** One step of the lifecycle, and the checks that come after the 404s. */
interface Step {
  readonly kind: RevisionKind;
  readonly status: ResponseStatus;
  readonly action: string;
  /** The whole-response comment it writes (checked after the 404s, before the status). */
  readonly comment?: () => string;
  /**
   * The refusals after the 404s, in the contract's order: the response to change, or a throw.
   * Only a submit reads the answers and the version's status (which it locks on the long way).
   */
  readonly check: (response: TransitionResponse | undefined, versionStatus: SurveyVersionStatus) => TransitionResponse;
}

/**
 * The lifecycle: draft → submitted (delegate, valid answers only) → returned (consultant, with
 * a comment) → submitted again → accepted (consultant). A consultant or administrator may reopen
 * an accepted response (back to returned, with the reason as a comment). Each step is one
 * revision (data unchanged) and one audit event, written in one statement with the change.
 *
 * Ingest tools submit right after their one first save, so a step takes the short way: it reads
 * in one statement without locks and decides; a refusal answers from that read (a consistent
 * snapshot taken during the request); else one statement writes, only if the response is still
 * at the revision read. When another change got in between, it takes the long way: the same
 * checks in a transaction holding the response's row lock (and, for a submit, the version's share
 * lock), so it answers as if it had come after that change.
 */
export function createLifecycle({ db, questionnaires }: ResponsesDeps) {
  /** 404 → 422 VALIDATION_FAILED → 409 RESPONSE_LOCKED / INVALID_TRANSITION / EDIT_CONFLICT. */
  async function submit(target: ResponseTarget, actor: Actor, revision: number): Promise<TransitionResult> {
    // From the process cache: no read of the version row once it is cached; the statement reads its status.
    const questionnaire = await questionnaires.questionnaire(target.surveyId, target.version);
    return change(target, actor, { kind: 'submit', status: 'submitted', action: 'response.submitted', check: submitCheck(questionnaire, revision) });
  }

  /** Back to the delegates (only from submitted); the message becomes a whole-response comment. */
  async function returnResponse(target: ResponseTarget, actor: Actor, message: string): Promise<TransitionResult> {
    return change(target, actor, {
      kind: 'return',
      status: 'returned',
      action: 'response.returned',
      comment: () => cleanMessage(message, 'INVALID_MESSAGE', 'The message'),
      check: onlyFrom('submitted', 'returned'),
    });
  }

  async function accept(target: ResponseTarget, actor: Actor): Promise<TransitionResult> {
    return change(target, actor, { kind: 'accept', status: 'accepted', action: 'response.accepted', check: onlyFrom('submitted', 'accepted') });
  }

  /** An accepted response back to returned, so the delegates can change it; the reason becomes a comment. */
  async function reopen(target: ResponseTarget, actor: Actor, reason: string): Promise<TransitionResult> {
    return change(target, actor, {
      kind: 'reopen',
      status: 'returned',
      action: 'response.reopened',
      comment: () => cleanMessage(reason, 'INVALID_REASON', 'The reason'),
      check: onlyFrom('accepted', 'reopened'),
    });
  }

  async function change(target: ResponseTarget, actor: Actor, step: Step): Promise<TransitionResult> {
    const submitting = step.kind === 'submit';
    const seen = await readForTransition(db, target, submitting);
    const seenVersionStatus = seen.versionStatus;
    if (seenVersionStatus === null) throw versionNotFound();
    if (!seen.memberStateKnown) throw memberStateNotFound();
    const body = step.comment?.();
    // One id for both ways, so the audit event names the comment it wrote.
    const comment = body === undefined ? undefined : { id: randomUUID(), body };
    const write = (response: TransitionResponse): TransitionWrite => {
      const revision = response.revision + 1;
      return {
        target,
        response,
        kind: step.kind,
        status: step.status,
        author: actor.user,
        submit: submitting,
        ...(comment ? { comment } : {}),
        audit: {
          actor: actor.user,
          action: step.action,
          target: auditTarget(target),
          details: { revision, from: response.status, to: step.status, ...(comment ? { commentId: comment.id } : {}) },
          ip: actor.ip,
        },
      };
    };
    const result = (response: TransitionResponse): TransitionResult => ({ revision: response.revision + 1, status: step.status });

    const decided = step.check(seen.response, seenVersionStatus);
    if (await writeTransition(db, write(decided))) return result(decided);

    return db.transaction().execute(async (trx) => {
      // Only a submit depends on the version's status; a review step is taken in a closed version too.
      const versionStatus = submitting ? await lockVersionStatus(trx, target) : seenVersionStatus;
      const locked = step.check(await lockResponse(trx, target), versionStatus);
      if (!(await writeTransition(trx, write(locked)))) throw new Error('a status change under the row lock found the response changed');
      return result(locked);
    });
  }

  return { submit, returnResponse, accept, reopen };
}

/** A submit's checks after the 404s: valid answers (422), an open version, a draft or returned response, at the revision given. */
function submitCheck(questionnaire: CompiledQuestionnaire, revision: number): Step['check'] {
  return (response, versionStatus) => {
    const problems = questionnaire.validateForSubmit(response?.data ?? {});
    if (problems.length > 0) throw unprocessable('VALIDATION_FAILED', 'The response cannot be submitted yet; nothing was changed.', problems);
    if (versionStatus !== OPEN_VERSION) throw responseLocked('version_closed');
    if (!response || !isEditable(response.status)) throw invalidTransition(response?.status ?? 'not_started', 'submitted');
    if (revision !== response.revision) throw editConflict(response.revision, []);
    return response;
  };
}

/** A review step's check: only from `status`; `action` names the step in the refusal. */
function onlyFrom(status: ResponseStatus, action: string): Step['check'] {
  return (response) => {
    if (!response || response.status !== status) throw invalidTransition(response?.status ?? 'not_started', action);
    return response;
  };
}

const isEditable = (status: ResponseStatus) => (EDITABLE_STATUSES as readonly ResponseStatus[]).includes(status);
