import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { toSessionUser, type SessionUser } from './principal.js';
import { hashToken, newToken } from './secrets.js';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: SessionUser;
}

/** Server-side sessions in PostgreSQL: any instance can serve any request. */
export function createSessionsService(db: Kysely<Database>) {
  async function create(userId: string, client: { ip?: string; userAgent?: string } = {}, executor: Kysely<Database> = db): Promise<NewSession> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + SESSION_ABSOLUTE_MS);
    const row = await executor
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        ip: client.ip ?? null,
        user_agent: client.userAgent?.slice(0, 500) ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, token, csrfToken, expiresAt };
  }

  /** The live session for a cookie token, or null when unknown, expired, idle too long or the user is disabled. */
  async function resolve(token: string): Promise<ActiveSession | null> {
    const row = await db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.member_state_code', 'u.must_change_password'])
      .where('s.token_hash', '=', hashToken(token))
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('s.last_seen_at', '>', sql<Date>`now() - ${`${SESSION_IDLE_MS} milliseconds`}::interval`)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', row.session_id).execute();
    }
    return { id: row.session_id, csrfToken: row.csrf_token, user: toSessionUser(row) };
  }

  async function revoke(sessionId: string, executor: Kysely<Database> = db): Promise<void> {
    await executor.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  /** Signs a person out everywhere. Returns how many sessions ended. */
  async function revokeAllFor(userId: string, executor: Kysely<Database> = db, except?: string): Promise<number> {
    const result = await executor
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .$if(except !== undefined, (q) => q.where('id', '!=', except!))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async function countFor(userId: string): Promise<number> {
    const row = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return { create, resolve, revoke, revokeAllFor, countFor };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
