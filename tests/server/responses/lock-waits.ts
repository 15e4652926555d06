import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { configOf } from '../../helpers/build-test-app.js';

/**
 * For the *.server-only tests of changes racing a close: a second connection to the test app's
 * PostgreSQL server, which holds a lock from outside the app, and a wait until one of the app's
 * statements is blocked on a lock.
 */
export async function connectBeside(app: FastifyInstance): Promise<pg.Client> {
  const database = configOf(app).database;
  if (database.kind !== 'server') throw new Error('a PostgreSQL server database was expected');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return client;
}

/** Until some session of the database waits for a lock: the change has reached the locked row. */
export async function untilASessionWaitsForALock(client: pg.Client, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rows } = await client.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (rows[0]!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${what} waited for the lock`);
}
