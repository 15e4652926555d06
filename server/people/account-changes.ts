import type { Kysely } from 'kysely';
import type { AuditContext, AuditService } from '../audit/service.js';
import type { SessionsService } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { PersonChanges, PersonSummary, UsersService } from './users.js';

/**
 * An administrator's changes to someone's account. Each is one transaction that changes the
 * row, ends the sessions that must not outlive the change, and writes the audit event, so that
 * either all of it happens or none (as responses/lifecycle.ts does for a reply's status).
 */
export function createAccountChanges(deps: { db: Kysely<Database>; users: UsersService; sessions: SessionsService; audit: AuditService }) {
  const { db, users, sessions, audit } = deps;

  /**
   * Name, role or member state, each change audited with before and after. A new role or state
   * ends the person's sessions: old sessions must not keep the old reach.
   */
  async function update(id: string, changes: PersonChanges, by: AuditContext): Promise<PersonSummary> {
    return db.transaction().execute(async (trx) => {
      const { before, after } = await users.update(id, changes, trx);
      if (before.name !== after.name) {
        await audit.record({ ...by, action: 'user.renamed', target: after.email, details: { from: before.name, to: after.name } }, trx);
      }
      if (before.role !== after.role || before.memberState !== after.memberState) {
        await audit.record(
          {
            ...by,
            action: 'user.role_changed',
            target: after.email,
            details: { from: { role: before.role, memberState: before.memberState }, to: { role: after.role, memberState: after.memberState } },
          },
          trx,
        );
        await sessions.revokeAllFor(after.id, trx);
      }
      return after;
    });
  }

  /** Disabling signs the person out everywhere (their API tokens stop with the account). */
  async function setDisabled(id: string, disabled: boolean, by: AuditContext): Promise<PersonSummary> {
    if (disabled && by.actor?.id === id) throw new AppError(422, 'CANNOT_DISABLE_SELF', 'You cannot disable your own account.');
    return db.transaction().execute(async (trx) => {
      const person = await users.setDisabled(id, disabled, trx);
      if (disabled) await sessions.revokeAllFor(person.id, trx);
      await audit.record({ ...by, action: disabled ? 'user.disabled' : 'user.enabled', target: person.email }, trx);
      return person;
    });
  }

  async function endSessions(id: string, by: AuditContext): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const person = await users.get(id, trx);
      const ended = await sessions.revokeAllFor(person.id, trx);
      await audit.record({ ...by, action: 'user.sessions_revoked', target: person.email, details: { ended } }, trx);
      return ended;
    });
  }

  return { update, setDisabled, endSessions };
}

export type AccountChanges = ReturnType<typeof createAccountChanges>;
