import { sql, type Kysely } from 'kysely';
import { auditEventValues, type AuditEntry } from '../audit/service.js';
import type { SessionUser } from '../auth/principal.js';
import type { Database, ResponseStatus, RevisionKind, SurveyVersionStatus } from '../db/schema.js';
import { versionOpenForShare } from './save-conditions.js';
import { isTargetResponse, type ResponseTarget } from './target.js';

/**
 * The statements of a status change (lifecycle.ts). As for a save (save-statements.ts), a round
 * trip costs more than the work in it, so a change reads in one statement without locks and writes
 * in one more — the status, the revision, the comment and the audit event — only if the response
 * is still as read; the long way, under the row lock, writes with the same statement.
 */

/** A response as a status change decides on it. */
export interface TransitionResponse {
  readonly id: string;
  readonly status: ResponseStatus;
  readonly revision: number;
  /** The answers, when they were read (a submit validates them); else null. */
  readonly data: Record<string, unknown> | null;
}

/** What one statement read of a target, without locks. */
export interface TransitionView {
  /** Null: there is no such version. */
  readonly versionStatus: SurveyVersionStatus | null;
  readonly memberStateKnown: boolean;
  /** Undefined: no response row (yet). */
  readonly response: TransitionResponse | undefined;
}

/**
 * The version's status, whether the member state exists and the response row, from one snapshot,
 * in one statement: everything a status change refuses on, in the order lifecycle.ts needs it.
 * `withData` reads the answers too; only a submit needs them.
 */
export async function readForTransition(db: Kysely<Database>, target: ResponseTarget, withData: boolean): Promise<TransitionView> {
  const { rows } = await sql<{
    version_status: SurveyVersionStatus | null;
    member_state_known: boolean;
    id: string | null;
    status: ResponseStatus | null;
    revision: number | null;
    data: Record<string, unknown> | null;
  }>`
    select v.status as version_status, m.code is not null as member_state_known, r.id, r.status, r.revision,
      ${withData ? sql`r.data` : sql`null::jsonb`} as data
    from (select) as asked
    left join survey_versions as v on v.survey_id = ${target.surveyId} and v.version = ${target.version}
    left join member_states as m on m.code = ${target.memberState}
    left join responses as r on ${isTargetResponse(target, 'r')}
  `.execute(db);
  const row = rows[0]!;
  return {
    versionStatus: row.version_status,
    memberStateKnown: row.member_state_known,
    response: row.id === null ? undefined : { id: row.id, status: row.status!, revision: row.revision!, data: row.data },
  };
}

/** A decided status change, as lifecycle.ts asks for it. */
export interface TransitionWrite {
  readonly target: ResponseTarget;
  /** The response as the decision saw it: the change is written only while it is still so. */
  readonly response: Pick<TransitionResponse, 'id' | 'status' | 'revision'>;
  readonly kind: RevisionKind;
  readonly status: ResponseStatus;
  readonly author: SessionUser;
  /** A submit: written only while the version is open (read under a share lock), and it stamps submitted_at. */
  readonly submit: boolean;
  /** A whole-response comment written with it (a return's message, a reopen's reason). */
  readonly comment?: { readonly id: string; readonly body: string };
  readonly audit: AuditEntry;
}

/**
 * A status change in one statement: the response's status and next revision; its revision row,
 * a snapshot of the data (as every status change's, see revision-snapshots.ts) copied in SQL rather
 * than sent back; the comment, if any; and the audit event — all only if the response is still at
 * the revision and status the decision saw (and, for a submit, the version open). False: overtaken,
 * nothing written. Every change of a response moves its revision on, so an unchanged revision means
 * unchanged answers and status: what was decided on is what is written.
 */
export async function writeTransition(db: Kysely<Database>, write: TransitionWrite): Promise<boolean> {
  const { response, author, comment } = write;
  const revision = response.revision + 1;
  const event = auditEventValues(write.audit);
  const { rows } = await sql<{ written: boolean }>`
    with changed as (
      update responses as r
      set status = ${write.status}, revision = ${revision}, updated_at = now(), updated_by = ${author.id}
        ${write.submit ? sql`, submitted_at = now()` : sql``}
      where r.id = ${response.id} and r.revision = ${response.revision} and r.status = ${response.status}
        ${write.submit ? sql`and ${versionOpenForShare(write.target)}` : sql``}
      returning r.id, r.status, r.data
    ),
    revised as (
      insert into response_revisions (response_id, revision, status, data, changed, author, author_name, kind)
      select c.id, ${revision}, c.status, c.data, '{}'::text[], ${author.id}::uuid, ${author.name}::text, ${write.kind}::text
      from changed as c
    ),
    ${
      comment
        ? sql`commented as (
      insert into review_comments (id, response_id, question, body, author, author_name)
      select ${comment.id}::uuid, c.id, null, ${comment.body}::text, ${author.id}::uuid, ${author.name}::text
      from changed as c
    ),`
        : sql``
    }
    audited as (
      insert into audit_events (actor_id, actor_email, action, target, details, ip)
      select ${event.actor_id}::uuid, ${event.actor_email}::text, ${event.action}::text, ${event.target}::text, ${event.details}::jsonb, ${event.ip}::text
      from changed
    )
    select exists (select from changed) as written
  `.execute(db);
  return rows[0]?.written === true;
}
