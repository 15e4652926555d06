import { spawn } from 'node:child_process';
import pg from 'pg';
import { BackupError, writeAtomically } from './backup-file.js';
import { holdsData, refusalToOverwrite } from './has-data.js';
import { migrationsInScript, refuseNewerSchema } from './schema-version.js';

/**
 * The PostgreSQL server's own tools: pg_dump's custom format (-Fc) is compressed, consistent
 * (one snapshot, taken while the app keeps serving) and restored selectively by pg_restore.
 */
export async function backupServer(databaseUrl: string, file: string): Promise<void> {
  await writeAtomically(file, async (temporary) => {
    await runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${temporary}`], databaseUrl);
  });
}

export async function restoreServer(databaseUrl: string, file: string, force: boolean): Promise<void> {
  if (!force && (await serverHoldsData(databaseUrl))) throw new BackupError(refusalToOverwrite('The database'));
  // The archive's list of migrations, read from the file alone (no database: the script goes to stdout).
  refuseNewerSchema(file, migrationsInScript(await runTool('pg_restore', ['--data-only', '--table=kysely_migration', '--file=-', file], null)));
  // One transaction: a restore that fails half-way leaves the database as it was.
  await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', file], databaseUrl);
}

async function serverHoldsData(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await holdsData((text) => client.query(text));
  } finally {
    await client.end();
  }
}

/**
 * Runs pg_dump or pg_restore — with the database named by connection parameters in the
 * environment, so the password never appears in the process list, or with none — and gives
 * back what it wrote to stdout.
 */
function runTool(tool: 'pg_dump' | 'pg_restore', args: readonly string[], databaseUrl: string | null): Promise<string> {
  const { dbname, env } = databaseUrl === null ? { dbname: null, env: {} } : connectionEnv(databaseUrl);
  return new Promise((resolve, reject) => {
    const child = spawn(tool, dbname === null ? args : [...args, `--dbname=${dbname}`], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(new BackupError(error.code === 'ENOENT' ? `${tool} was not found: install the PostgreSQL client tools (the same major version as the server, or newer).` : error.message)),
    );
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(new BackupError(`${tool} failed (exit code ${code}):\n${errors.trim()}`))));
  });
}

function connectionEnv(databaseUrl: string): { dbname: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {};
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env };
}
