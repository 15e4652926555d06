import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApiTokensService } from '../server/auth/api-tokens.js';
import type { Database } from '../server/db/schema.js';
import { createUsersService } from '../server/people/users.js';

/** An administrator's API token on the migrated bench database, made by the server's own services. */
export async function createBenchAdminToken(databaseUrl: string): Promise<string> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }) });
  try {
    const admin = await createUsersService(db).create({ email: 'bench-admin@example.org', name: 'Bench administrator', role: 'admin', memberState: null });
    return (await createApiTokensService(db).create(admin.id, 'benchmark')).token;
  } finally {
    await db.destroy();
  }
}
