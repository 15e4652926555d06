import type { FastifyInstance } from 'fastify';
import { demoEmail } from './accounts.js';

/** Demo accounts all live under this domain (see accounts.ts). */
const DEMO_DOMAIN = demoEmail('');

/**
 * The accounts that make this database more than a place to try the app out: anyone who is
 * not a demo account — except a first administrator that `npm start` made on its own and that
 * has never been used (its one-time password still unchanged), since a newcomer who starts the
 * app before the demo has only that one. Their e-mails, so that the refusal can name them.
 */
export async function realUsers(app: FastifyInstance): Promise<string[]> {
  const rows = await app.db
    .selectFrom('users')
    .select(['email', 'must_change_password'])
    .where('email', 'not like', `%${DEMO_DOMAIN}`)
    .orderBy('email')
    .execute();
  const untouchedFirstAdmin = await firstAdminNeverUsed(app);
  return rows.filter((row) => !(row.must_change_password && row.email === untouchedFirstAdmin)).map((row) => row.email);
}

/** The e-mail of the first administrator `npm start` created by itself, if it did. */
async function firstAdminNeverUsed(app: FastifyInstance): Promise<string | null> {
  const created = await app.db
    .selectFrom('audit_events')
    .select('target')
    .where('action', '=', 'user.first_admin_created')
    .executeTakeFirst();
  return created?.target ?? null;
}
