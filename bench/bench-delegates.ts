import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApiTokensService } from '../server/auth/api-tokens.js';
import type { Database } from '../server/db/schema.js';
import { createMemberStatesService } from '../server/member-states/service.js';
import { createUsersService } from '../server/people/users.js';

/** A bench member state and its one delegate's API token. */
export interface BenchDelegate {
  readonly state: string;
  readonly token: string;
}

const PARALLEL = 8;

/**
 * Member states `BENCH-0001`… (`first` is the first number), each with one delegate holding an
 * API token — made by the server's own services on the migrated database, as the tests make
 * people. The delegates have no password: signing in (argon2) would only slow the setup down,
 * and a token is all the benchmark uses.
 */
export async function createBenchDelegates(databaseUrl: string, first: number, count: number): Promise<BenchDelegate[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: PARALLEL });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const memberStates = createMemberStatesService(db);
    const users = createUsersService(db);
    const apiTokens = createApiTokensService(db);
    const create = async (number: number): Promise<BenchDelegate> => {
      const digits = String(number).padStart(4, '0');
      const state = `BENCH-${digits}`;
      await memberStates.create(state, `Bench state ${digits}`);
      const delegate = await users.create({ email: `bench-${digits}@example.org`, name: `Bench delegate ${digits}`, role: 'delegate', memberState: state });
      const { token } = await apiTokens.create(delegate.id, 'benchmark');
      return { state, token };
    };
    const delegates: BenchDelegate[] = [];
    for (let start = first; start < first + count; start += PARALLEL) {
      const batch = Array.from({ length: Math.min(PARALLEL, first + count - start) }, (_, i) => create(start + i));
      delegates.push(...(await Promise.all(batch)));
    }
    return delegates;
  } finally {
    await db.destroy();
  }
}
