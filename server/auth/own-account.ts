import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/service.js';
import type { Database } from '../db/schema.js';
import { unprocessable } from '../http/errors.js';
import type { ApiTokensService } from './api-tokens.js';
import type { SessionUser } from './principal.js';
import type { SessionsService } from './sessions.js';

/**
 * What a signed-in person does to their own access: sign out, sign out everywhere, make and
 * revoke API tokens. Each change and its audit event commit in one transaction. (A new
 * password: people/password-changes.ts.)
 */
export function createOwnAccount(deps: { db: Kysely<Database>; sessions: SessionsService; apiTokens: ApiTokensService; audit: AuditService }) {
  const { db, sessions, apiTokens, audit } = deps;

  async function signOut(user: SessionUser, sessionId: string, ip: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await sessions.revoke(sessionId, trx);
      await audit.record({ actor: user, ip, action: 'auth.signed_out', target: user.email }, trx);
    });
  }

  async function signOutEverywhere(user: SessionUser, ip: string): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const ended = await sessions.revokeAllFor(user.id, trx);
      await audit.record({ actor: user, ip, action: 'auth.signed_out_everywhere', target: user.email, details: { ended } }, trx);
      return ended;
    });
  }

  async function createToken(user: SessionUser, rawName: string, ip: string): Promise<{ id: string; token: string }> {
    const name = rawName.trim();
    if (name === '') throw unprocessable('INVALID_TOKEN_NAME', 'Give the token a name, e.g. the script that uses it.');
    return db.transaction().execute(async (trx) => {
      const created = await apiTokens.create(user.id, name, trx);
      await audit.record({ actor: user, ip, action: 'token.created', target: created.id, details: { name } }, trx);
      return created;
    });
  }

  async function revokeToken(user: SessionUser, tokenId: string, ip: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const revoked = await apiTokens.revoke(user.id, tokenId, trx);
      await audit.record({ actor: user, ip, action: 'token.revoked', target: tokenId, details: revoked }, trx);
    });
  }

  return { signOut, signOutEverywhere, createToken, revokeToken };
}

export type OwnAccount = ReturnType<typeof createOwnAccount>;
