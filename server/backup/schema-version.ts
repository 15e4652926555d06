import { migrations } from '../../migrations/index.js';
import { BackupError } from './backup-file.js';

/**
 * A backup made by a newer version of the platform holds migrations this version does not know:
 * restored, the app would refuse to start (Kysely's migrator finds "missing" migrations) or,
 * worse, serve a schema its code does not expect. Refused before anything is replaced. An older
 * backup is fine: its missing migrations run at the next start.
 */
export function refuseNewerSchema(file: string, applied: readonly string[]): void {
  const unknown = applied.filter((name) => !Object.hasOwn(migrations, name));
  if (unknown.length === 0) return;
  throw new BackupError(
    `${file} was made by a newer version of the platform: its database has ${unknown.length === 1 ? 'a migration' : 'migrations'} this version does not know (${unknown.join(', ')}). ` +
      'Restore it with that version or a newer one. Nothing was changed.',
  );
}

/** The migrations named in pg_restore's script of the kysely_migration table's data (COPY … FROM stdin). */
export function migrationsInScript(script: string): string[] {
  const lines = script.split('\n');
  const start = lines.findIndex((line) => /^COPY [\w".]*kysely_migration\b/.test(line));
  if (start < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    names.push(line.split('\t')[0]!);
  }
  return names;
}
