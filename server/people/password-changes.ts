import type { Kysely, Transaction } from 'kysely';
import type { AuditContext, AuditService } from '../audit/service.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../auth/passwords.js';
import { toSessionUser, type SessionUser } from '../auth/principal.js';
import type { SessionsService } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { notFound, unprocessable } from '../http/errors.js';

const PERSON = ['id', 'email', 'name', 'role', 'member_state_code', 'must_change_password'] as const;

/**
 * A new password: the person's own change (the API) and an administrator's reset (the CLI).
 * Both replace the hash, end the sessions the old password opened and write the audit event in
 * one transaction (`replace`); the hash is computed before it, so no row stays locked meanwhile.
 * The only places besides sign-in that read a password hash.
 */
export function createPasswordChanges(deps: { db: Kysely<Database>; sessions: SessionsService; audit: AuditService }) {
  const { db, sessions, audit } = deps;

  async function replace(
    trx: Transaction<Database>,
    id: string,
    passwordHash: string,
    change: { mustChangePassword: boolean; keepSession?: string | undefined; audit: AuditContext & { action: string } },
  ): Promise<SessionUser> {
    const updated = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: change.mustChangePassword })
      .where('id', '=', id)
      .returning(PERSON)
      .executeTakeFirstOrThrow();
    await sessions.revokeAllFor(id, trx, change.keepSession);
    await audit.record({ actor: change.audit.actor, ip: change.audit.ip ?? null, action: change.audit.action, target: updated.email }, trx);
    return toSessionUser(updated);
  }

  /**
   * The person's own change: proves the current password, clears any one-time flag, and ends
   * every other session (the one making the change, when a session, stays).
   */
  async function changeOwn(
    user: SessionUser,
    passwords: { current: string; next: string },
    by: { ip: string; keepSession?: string | undefined },
  ): Promise<SessionUser> {
    const row = await db.selectFrom('users').select(['email', 'name', 'password_hash']).where('id', '=', user.id).executeTakeFirst();
    if (!row?.password_hash || !(await verifyPassword(row.password_hash, passwords.current))) {
      throw unprocessable('WRONG_CURRENT_PASSWORD', 'The current password is wrong.');
    }
    if (passwords.current === passwords.next) throw unprocessable('WEAK_PASSWORD', 'The new password must differ from the current one.');
    const weakness = passwordWeakness(passwords.next, { email: row.email, name: row.name });
    if (weakness) throw unprocessable('WEAK_PASSWORD', weakness);
    const passwordHash = await hashPassword(passwords.next);
    return db.transaction().execute((trx) =>
      replace(trx, user.id, passwordHash, { mustChangePassword: false, keepSession: by.keepSession, audit: { actor: user, ip: by.ip, action: 'auth.password_changed' } }),
    );
  }

  /** Set by an administrator from the shell: the person chooses their own at next sign-in. */
  async function resetFromCli(email: string, password: string): Promise<SessionUser> {
    const row = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', email).executeTakeFirst();
    if (!row) throw notFound('USER_NOT_FOUND', 'There is no account with this e-mail address.');
    const weakness = passwordWeakness(password, { email: row.email, name: row.name });
    if (weakness) throw unprocessable('WEAK_PASSWORD', weakness);
    const passwordHash = await hashPassword(password);
    return db.transaction().execute((trx) =>
      replace(trx, row.id, passwordHash, { mustChangePassword: true, audit: { actor: null, action: 'user.password_reset_by_cli' } }),
    );
  }

  return { changeOwn, resetFromCli };
}

export type PasswordChanges = ReturnType<typeof createPasswordChanges>;
