import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { NamedStatementsClient } from '../../../server/db/named-statements.js';
import { buildTestApp, configOf } from '../../helpers/build-test-app.js';

/**
 * The embedded engine talks to PGlite through its own adapter; only a PostgreSQL server uses this
 * client, so this file runs only with TEST_DATABASE_URL (see vitest.config.ts).
 */
describe('named statements on a PostgreSQL server', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('prepares each statement Kysely makes once per connection', async () => {
    const prepared = await app.db.transaction().execute(async (trx) => {
      for (const code of ['EE', 'LV', 'EE']) await trx.selectFrom('member_states').select('name').where('code', '=', code).execute();
      return (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx)).rows.map((row) => row.statement);
    });
    expect(prepared.filter((statement) => statement.includes('from "member_states"'))).toHaveLength(1);
  });

  it('runs new statements unnamed once a connection holds 500', async () => {
    const database = configOf(app).database;
    if (database.kind !== 'server') throw new Error('a PostgreSQL server database was expected');
    // Typed as pg's client, as the pool sees it.
    const client: pg.Client = new NamedStatementsClient({ connectionString: database.url });
    await client.connect();
    try {
      for (let n = 0; n < 520; n++) expect((await client.query(`select $1::int + ${n} as sum`, [1])).rows).toEqual([{ sum: n + 1 }]);
      expect((await client.query(`select $1::int + 0 as sum`, [2])).rows).toEqual([{ sum: 2 }]);
      expect((await client.query('select count(*)::int as prepared from pg_prepared_statements')).rows).toEqual([{ prepared: 500 }]);
    } finally {
      await client.end();
    }
  });
});
