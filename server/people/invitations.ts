import { sql, type Kysely } from 'kysely';
import type { AuditContext, AuditService } from '../audit/service.js';
import { toSessionUser, type SessionUser } from '../auth/principal.js';
import type { NewSession, SessionsService } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import type { Role } from '../auth/roles.js';
import { hashPassword, passwordWeakness } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/secrets.js';
import { validEmail, validPersonName } from './email.js';
import { checkRoleAndState } from './users.js';

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The address a person opens to accept: the client's invitation page under the site's base. */
export function invitationLink(base: URL, token: string): string {
  return new URL(`invitations/${token}`, base).toString();
}

export interface PendingInvitation {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  memberState: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Invitations by link: there is no mail server, the administrator copies the link. Creating,
 * withdrawing and accepting one each write their audit event in the same transaction.
 */
export function createInvitationsService(deps: { db: Kysely<Database>; sessions: SessionsService; audit: AuditService }) {
  const { db, sessions, audit } = deps;

  /** `via: 'cli'` when made from the shell (no administrator signed in). */
  async function create(
    input: { email: string; name?: string | undefined; role: Role; memberState?: string | null | undefined },
    by: AuditContext & { via?: 'cli' },
  ): Promise<{ id: string; token: string; expiresAt: Date; email: string }> {
    const email = validEmail(input.email);
    const name = input.name !== undefined && input.name.trim() !== '' ? validPersonName(input.name) : null;
    const memberState = checkRoleAndState(input.role, input.memberState);
    if (memberState !== null) {
      const state = await db.selectFrom('member_states').select('active').where('code', '=', memberState).executeTakeFirst();
      if (!state) throw unprocessable('UNKNOWN_MEMBER_STATE', 'There is no member state with this code.');
      if (!state.active) throw unprocessable('INACTIVE_MEMBER_STATE', 'This member state is inactive.');
    }
    const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw conflict('USER_EXISTS', 'Someone with this e-mail address already has an account.');
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('invitations')
        .values({ token_hash: hashToken(token), email, name, role: input.role, member_state_code: memberState, created_by: by.actor?.id ?? null, expires_at: expiresAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      const details = { invitationId: row.id, role: input.role, memberState, ...(by.via ? { via: by.via } : {}) };
      await audit.record({ actor: by.actor, ip: by.ip ?? null, action: 'invitation.created', target: email, details }, trx);
      return { id: row.id, token, expiresAt, email };
    });
  }

  async function listPending(): Promise<PendingInvitation[]> {
    const rows = await db
      .selectFrom('invitations')
      .select(['id', 'email', 'name', 'role', 'member_state_code', 'created_at', 'expires_at'])
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, memberState: r.member_state_code, createdAt: r.created_at, expiresAt: r.expires_at }));
  }

  async function revoke(id: string, by: AuditContext): Promise<{ email: string }> {
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('invitations')
        .set({ revoked_at: sql`now()` })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .returning('email')
        .executeTakeFirst();
      if (!row) throw notFound('INVITATION_NOT_FOUND', 'There is no pending invitation with this id.');
      await audit.record({ ...by, action: 'invitation.revoked', target: row.email, details: { invitationId: id } }, trx);
      return row;
    });
  }

  /** What the invitation page shows before accepting; the member state by name, as nobody signed in may read the list yet. */
  async function preview(
    token: string,
  ): Promise<{ email: string; name: string | null; role: Role; memberState: string | null; memberStateName: string | null; expiresAt: Date }> {
    const row = await usable(db, token);
    const state = row.member_state_code
      ? await db.selectFrom('member_states').select('name').where('code', '=', row.member_state_code).executeTakeFirst()
      : undefined;
    return { email: row.email, name: row.name, role: row.role, memberState: row.member_state_code, memberStateName: state?.name ?? null, expiresAt: row.expires_at };
  }

  /**
   * Creates the account and signs the person in, once: the invitation row is locked so that two
   * simultaneous acceptances cannot both succeed, and account, session and audit event commit together.
   */
  async function accept(
    token: string,
    input: { name: string; password: string },
    client: { ip: string; userAgent?: string | undefined },
  ): Promise<{ user: SessionUser; session: NewSession }> {
    return db.transaction().execute(async (trx) => {
      const accepted = await createAccount(trx, token, input);
      const session = await sessions.create(accepted.user.id, client.userAgent === undefined ? { ip: client.ip } : { ip: client.ip, userAgent: client.userAgent }, trx);
      await audit.record(
        {
          actor: accepted.user,
          ip: client.ip,
          action: 'invitation.accepted',
          target: accepted.user.email,
          details: { invitationId: accepted.invitationId, role: accepted.user.role },
        },
        trx,
      );
      return { user: toSessionUser(accepted.user), session };
    });
  }

  async function createAccount(executor: Kysely<Database>, token: string, input: { name: string; password: string }) {
    const row = await usable(executor, token, true);
    const name = validPersonName(input.name);
    const weakness = passwordWeakness(input.password, { email: row.email, name });
    if (weakness) throw unprocessable('WEAK_PASSWORD', weakness);
    const taken = await executor.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst();
    if (taken) throw conflict('USER_EXISTS', 'Someone with this e-mail address already has an account.');
    const user = await executor
      .insertInto('users')
      .values({ email: row.email, name, role: row.role, member_state_code: row.member_state_code, password_hash: await hashPassword(input.password) })
      .returning(['id', 'email', 'name', 'role', 'member_state_code', 'must_change_password'])
      .executeTakeFirstOrThrow();
    await executor.updateTable('invitations').set({ accepted_at: sql`now()`, accepted_user_id: user.id }).where('id', '=', row.id).execute();
    return { invitationId: row.id, user };
  }

  return { create, listPending, revoke, preview, accept };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;

async function usable(executor: Kysely<Database>, token: string, lock = false) {
  let query = executor
    .selectFrom('invitations')
    .select(['id', 'email', 'name', 'role', 'member_state_code', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  // Unknown, used, revoked and expired look the same: the link holder learns nothing more.
  if (!row) throw notFound('INVITATION_NOT_FOUND', 'This invitation link is unknown, already used or expired. Ask an administrator for a new one.');
  return row;
}
