import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../server/config.js';

/**
 * Test databases: every test app gets a fresh copy of one migrated template, so files are
 * isolated without paying PGlite's ~6 s creation (embedded) or re-running migrations (server).
 * The engine is the embedded one unless TEST_DATABASE_URL names a PostgreSQL server.
 */
export interface TemplateInfo {
  readonly engine: 'embedded' | 'server';
  /** Embedded: the template data directory. Server: the template database name. */
  readonly template: string;
  /** Folder for per-test copies (embedded) and other scratch files; removed at teardown. */
  readonly scratchDir: string;
  /** Prefix of every database created in this run (server). */
  readonly databasePrefix: string;
}

export const serverUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export function newRunInfo(): TemplateInfo {
  const run = randomBytes(4).toString('hex');
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), `ncs-test-${run}-`));
  return serverUrl()
    ? { engine: 'server', template: `ncs_tpl_${run}`, scratchDir, databasePrefix: `ncs_t_${run}_` }
    : { engine: 'embedded', template: path.join(scratchDir, 'template'), scratchDir, databasePrefix: '' };
}

export function templateDatabaseConfig(info: TemplateInfo): DatabaseConfig {
  return info.engine === 'embedded'
    ? { kind: 'embedded', dataDir: info.template }
    : { kind: 'server', url: databaseUrl(info.template) };
}

/** A fresh database cloned from the template. */
export async function cloneTemplate(info: TemplateInfo): Promise<DatabaseConfig> {
  const id = randomBytes(6).toString('hex');
  if (info.engine === 'embedded') {
    const dataDir = path.join(info.scratchDir, `db-${id}`);
    await fs.promises.cp(info.template, dataDir, { recursive: true });
    return { kind: 'embedded', dataDir };
  }
  const name = `${info.databasePrefix}${id}`;
  await withAdmin((client) => client.query(`create database "${name}" template "${info.template}"`));
  return { kind: 'server', url: databaseUrl(name) };
}

export async function createEmptyServerDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`create database "${name}"`));
}

/** Removes everything this run created. */
export async function dropRun(info: TemplateInfo): Promise<void> {
  if (info.engine === 'server') {
    await withAdmin(async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`${info.databasePrefix}%`, info.template],
      );
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    });
  }
  fs.rmSync(info.scratchDir, { recursive: true, force: true });
}

function databaseUrl(database: string): string {
  const url = new URL(serverUrl()!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
