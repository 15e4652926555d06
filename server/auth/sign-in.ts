import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditService } from '../audit/service.js';
import { AppError, unauthorized } from '../http/errors.js';
import { normaliseEmail } from '../people/email.js';
import type { FailureThrottle } from './failure-throttle.js';
import { burnPasswordCheck, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { toSessionUser, type SessionUser } from './principal.js';
import type { NewSession, SessionsService } from './sessions.js';

/** Failed sign-ins allowed per account, and per address, in the throttle window. */
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 30;

const INVALID = () => unauthorized('INVALID_CREDENTIALS', 'The e-mail address or the password is wrong.');

export function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError(429, 'TOO_MANY_ATTEMPTS', 'Too many failed attempts. Wait a few minutes, then try again.', { retryAfterSeconds });
}

export function createSignIn(deps: { db: Kysely<Database>; sessions: SessionsService; throttle: FailureThrottle; audit: AuditService }) {
  const { db, sessions, throttle, audit } = deps;

  /**
   * Unknown e-mail, wrong password and disabled account give the same answer in about the same
   * time. Each failure counts against the account and the address, in the database.
   */
  async function signIn(rawEmail: string, password: string, client: { ip: string; userAgent?: string }): Promise<{ user: SessionUser; session: NewSession }> {
    const email = normaliseEmail(rawEmail).slice(0, 320);
    const keys = [`login-account:${email}`, `login-address:${client.ip}`];
    const wait = await throttle.retryAfterSeconds([
      { key: keys[0]!, limit: ACCOUNT_FAILURE_LIMIT },
      { key: keys[1]!, limit: ADDRESS_FAILURE_LIMIT },
    ]);
    if (wait > 0) {
      await audit.record({ actor: null, action: 'auth.sign_in_throttled', target: email, ip: client.ip });
      throw tooManyAttempts(wait);
    }

    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'member_state_code', 'must_change_password', 'password_hash', 'disabled_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    const passwordOk =
      user?.password_hash && password.length <= MAX_PASSWORD_LENGTH
        ? await verifyPassword(user.password_hash, password)
        : (await burnPasswordCheck(password.slice(0, MAX_PASSWORD_LENGTH)), false);

    if (!user || !passwordOk || user.disabled_at !== null) {
      await throttle.recordFailure(keys);
      await audit.record({
        actor: user ? { id: user.id, email: user.email } : null,
        action: 'auth.sign_in_failed',
        target: email,
        details: { reason: !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'disabled' },
        ip: client.ip,
      });
      throw INVALID();
    }

    await throttle.clear(keys[0]!);
    const session = await sessions.create(user.id, client);
    await audit.record({ actor: { id: user.id, email: user.email }, action: 'auth.signed_in', target: user.email, ip: client.ip });
    return { user: toSessionUser(user), session };
  }

  return { signIn };
}

export type SignInService = ReturnType<typeof createSignIn>;
