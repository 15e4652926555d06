import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local PostgreSQL server the benchmarks use (user postgres, trust authentication). */
const SERVER = 'postgres://postgres@127.0.0.1:5432';

export interface BenchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database; the server migrates it when it starts. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `ncs_bench_${randomBytes(4).toString('hex')}`;
  await asAdmin(`create database "${name}"`);
  return {
    url: `${SERVER}/${name}`,
    // `force` ends any connection a crashed run left behind.
    drop: () => asAdmin(`drop database if exists "${name}" with (force)`),
  };
}

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
