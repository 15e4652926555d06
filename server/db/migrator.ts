import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/index.js';

interface Logger {
  info(obj: object, msg: string): void;
}

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Brings the schema up to date. Safe with several instances starting at once: Kysely's
 * migrator holds a lock row while it works.
 */
export async function migrateToLatest(db: Kysely<any>, log: Logger): Promise<void> {
  const result = await createMigrator(db).migrateToLatest();
  reportOrThrow(result, log);
}

export function reportOrThrow({ error, results }: MigrationResultSet, log: Logger): void {
  for (const r of results ?? []) {
    if (r.status === 'Success') log.info({ migration: r.migrationName }, 'migration applied');
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
