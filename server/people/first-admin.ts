import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../auth/passwords.js';
import { validEmail } from './email.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@survey.local';

export type FirstAdmin =
  | { readonly created: false }
  | { readonly created: true; readonly email: string; readonly oneTimePassword: string | null };

/**
 * On a database with nobody in it, creates the first administrator: from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or with a generated one-time password that must be changed at first sign-in.
 * Never touches an existing account.
 */
export async function ensureFirstAdmin(app: FastifyInstance, given: { email: string; password: string | null } | null): Promise<FirstAdmin> {
  return app.db.transaction().execute(async (trx) => {
    // Several instances may start at once: one of them creates the account.
    await sql`select pg_advisory_xact_lock(hashtext('first-admin'))`.execute(trx);
    const anyone = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyone) return { created: false };
    const email = validEmail(given?.email ?? DEFAULT_ADMIN_EMAIL);
    const oneTimePassword = given?.password ? null : randomBytes(12).toString('base64url');
    const user = await trx
      .insertInto('users')
      .values({
        email,
        name: 'Administrator',
        role: 'admin',
        member_state_code: null,
        password_hash: await hashPassword(given?.password ?? oneTimePassword!),
        must_change_password: oneTimePassword !== null,
      })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    await app.audit.record({ actor: null, action: 'user.first_admin_created', target: user.email }, trx);
    return { created: true, email: user.email, oneTimePassword };
  });
}
