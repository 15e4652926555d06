import { sql, type RawBuilder } from 'kysely';
import type { ResponseStatus, SurveyVersionStatus } from '../db/schema.js';
import type { LockReason } from './refusals.js';
import type { ResponseTarget } from './target.js';

/**
 * When a save may change a response: the one home of the lock conditions. save.ts decides them
 * in Node (saveLockReason) and save-statements.ts applies them in SQL (the fragments below), on
 * the fast path and under the row lock alike; tests/server/responses/save-differential.test.ts
 * holds the two to the same decisions.
 */

/** The statuses delegates may change; a submitted or accepted response is locked. */
export const EDITABLE_STATUSES = ['draft', 'returned'] as const satisfies readonly ResponseStatus[];

/** The version status that takes changes. */
export const OPEN_VERSION = 'open' satisfies SurveyVersionStatus;

/** Why a save of a response with this status in a version with this status is refused, or null. */
export function saveLockReason(versionStatus: SurveyVersionStatus, status: ResponseStatus): LockReason | null {
  if (versionStatus !== OPEN_VERSION) return 'version_closed';
  if (status === 'submitted' || status === 'accepted') return status;
  return null;
}

/** SQL: `column` holds an editable status. */
export function isEditableStatus(column: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(EDITABLE_STATUSES.map((status) => sql.lit(status)))})`;
}

/** SQL: `column` holds the open version status. */
export function isOpenVersion(column: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} = ${sql.lit(OPEN_VERSION)}`;
}

/**
 * SQL: the target's version is open, read under a share lock until the transaction (or the
 * one statement) ends, so that closing a version waits for the saves already running.
 */
export function versionOpenForShare(target: ResponseTarget): RawBuilder<boolean> {
  return sql<boolean>`exists (select from survey_versions as open_version
    where open_version.survey_id = ${target.surveyId} and open_version.version = ${target.version} and ${isOpenVersion('open_version.status')}
    for share)`;
}

/** SQL: a member state that takes new responses (an inactive one keeps its data, gets no new response). */
export function takesNewResponses(activeColumn: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(activeColumn)}`;
}
