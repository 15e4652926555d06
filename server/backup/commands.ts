import path from 'node:path';
import type { DatabaseConfig } from '../config.js';
import { BackupError, backupKindOf } from './backup-file.js';
import { backupEmbedded, restoreEmbedded } from './embedded-engine.js';
import { backupServer, restoreServer } from './server-engine.js';

export { BackupError } from './backup-file.js';

export const BACKUP_COMMANDS = ['backup', 'restore'] as const;
export type BackupCommand = (typeof BACKUP_COMMANDS)[number];

export const isBackupCommand = (command: string | undefined): command is BackupCommand =>
  (BACKUP_COMMANDS as readonly string[]).includes(command ?? '');

/**
 * `backup FILE` and `restore FILE [--force]` work on the database itself, without starting the
 * app: a restore must not find a database the app has just migrated or filled.
 */
export async function runBackupCommand(command: BackupCommand, database: DatabaseConfig, file: string, force: boolean): Promise<string> {
  const target = path.resolve(file);
  const where = database.kind === 'server' ? 'the PostgreSQL database (DATABASE_URL)' : `the embedded database in ${database.dataDir}`;
  if (command === 'backup') {
    if (database.kind === 'server') await backupServer(database.url, target);
    else await backupEmbedded(database.dataDir, target);
    return `Backed up ${where} to ${target}.`;
  }
  const kind = backupKindOf(target);
  if (kind !== database.kind) {
    throw new BackupError(
      kind === 'server'
        ? `${target} is a PostgreSQL server backup (pg_dump); set DATABASE_URL to restore it into a PostgreSQL database.`
        : `${target} is an embedded-database backup; unset DATABASE_URL to restore it into the embedded engine (DATA_DIR).`,
    );
  }
  const note = database.kind === 'server' ? (await restoreServer(database.url, target, force), '') : await restoreEmbedded(database.dataDir, target, force);
  return [`Restored ${where} from ${target}. Start the server: migrations newer than the backup run at start.`, note].filter(Boolean).join('\n');
}
