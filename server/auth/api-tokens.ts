import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { toSessionUser, type SessionUser } from './principal.js';
import { hashToken, newToken } from './secrets.js';

const TOUCH_EVERY_MS = 60 * 1000;
/** Tokens carry a recognisable prefix so that secret scanners and people can spot a leaked one. */
const PREFIX = 'ncs_';

export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Named, revocable tokens for scripts; a token acts with its owner's role. */
export function createApiTokensService(db: Kysely<Database>) {
  async function create(userId: string, name: string, executor: Kysely<Database> = db): Promise<{ id: string; token: string }> {
    const token = `${PREFIX}${newToken()}`;
    const row = await executor
      .insertInto('api_tokens')
      .values({ token_hash: hashToken(token), user_id: userId, name })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, token };
  }

  async function resolve(token: string): Promise<{ id: string; user: SessionUser } | null> {
    if (!token.startsWith(PREFIX)) return null;
    const row = await db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id as token_id', 't.last_used_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.member_state_code', 'u.must_change_password'])
      .where('t.token_hash', '=', hashToken(token))
      .where('t.revoked_at', 'is', null)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
      await db.updateTable('api_tokens').set({ last_used_at: sql`now()` }).where('id', '=', row.token_id).execute();
    }
    return { id: row.token_id, user: toSessionUser(row) };
  }

  async function listFor(userId: string): Promise<ApiTokenSummary[]> {
    const rows = await db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
  }

  /** Revokes one of the owner's tokens; someone else's token is "not found". */
  async function revoke(userId: string, tokenId: string, executor: Kysely<Database> = db): Promise<{ name: string }> {
    const row = await executor
      .updateTable('api_tokens')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('name')
      .executeTakeFirst();
    if (!row) throw notFound('TOKEN_NOT_FOUND', 'There is no such API token.');
    return row;
  }

  return { create, resolve, listFor, revoke };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
