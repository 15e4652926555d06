import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import type { DatabaseConfig } from '../../../server/config.js';
import { BackupError, runBackupCommand } from '../../../server/backup/commands.js';
import { buildTestApp, configOf, testDatabaseInfo } from '../../helpers/build-test-app.js';
import { signIn, TEST_PASSWORD, type Caller } from '../../helpers/people.js';
import { testConfig } from '../../helpers/test-config.js';
import { createEmptyServerDatabase } from '../../helpers/test-database.js';
import { expectStatus, responsesPath, save, signInNamed } from '../responses/support.js';

/**
 * Backup and restore on whichever engine the suite runs on (embedded by default, the PostgreSQL
 * server with TEST_DATABASE_URL): a restored database must serve exactly what the original did.
 */
const info = testDatabaseInfo();
/** PGlite starts twice per embedded restore (check, then load), several seconds each on a busy machine. */
const RESTORE_TIMEOUT_MS = 120_000;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** An empty database of the engine under test, as an operator would have before a restore. */
async function freshDatabase(): Promise<DatabaseConfig> {
  const id = randomBytes(6).toString('hex');
  if (info.engine === 'embedded') return { kind: 'embedded', dataDir: path.join(info.scratchDir, `restored-${id}`) };
  const name = `${info.databasePrefix}restored_${id}`;
  await createEmptyServerDatabase(name);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return { kind: 'server', url: url.toString() };
}

async function openApp(database: DatabaseConfig): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(database, info.scratchDir), { logger: false, migrate: false, importDefinitions: false });
  apps.push(app);
  return app;
}

async function closeApp(app: FastifyInstance): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.close();
}

/** Two states' work: saves (several revisions), a submission, comments in a thread, accounts. */
async function fill(app: FastifyInstance) {
  const admin = await signInNamed(app, 'admin', null, 'Ada Admin');
  const consultant = await signInNamed(app, 'consultant', null, 'Cora Consultant');
  const estonia = await signInNamed(app, 'delegate', 'EE', 'Eeva Delegate');
  const latvia = await signInNamed(app, 'delegate', 'LV', 'Laila Delegate');
  expectStatus(await save(estonia, 'EE', { baseRevision: 0, set: { shelter_places: 6 } }), 200);
  expectStatus(await save(estonia, 'EE', { baseRevision: 1, set: { shelter_places: 7, action_plan: 'in_force' } }), 200);
  expectStatus(await save(latvia, 'LV', { baseRevision: 0, set: { shelter_places: 12 } }), 200);
  const comments = responsesPath(1, 'EE', '/comments');
  const question = expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { question: 'shelter_places', body: 'Seven — including the new shelter?' } }), 201);
  expectStatus(await estonia.inject({ method: 'POST', url: comments, payload: { body: 'Yes, since March.', replyTo: question.id } }), 201);
  return { admin, emails: [admin, consultant, estonia, latvia].map((caller) => caller.user.email) };
}

/** Everything the API serves about the filled database, as an administrator sees it. */
async function served(admin: Caller) {
  const get = async (url: string) => expectStatus(await admin.inject({ method: 'GET', url }), 200);
  const snapshot: Record<string, unknown> = { users: await get('/api/users') };
  for (const state of ['EE', 'LV']) {
    snapshot[state] = {
      response: await get(responsesPath(1, state)),
      revisions: await get(responsesPath(1, state, '/revisions')),
      firstRevision: await get(responsesPath(1, state, '/revisions/1')),
      comments: await get(responsesPath(1, state, '/comments')),
    };
  }
  return snapshot;
}

describe(`backup and restore (${info.engine} engine)`, () => {
  it('a restored database serves identical responses, revisions, comments and users, and its people can sign in', async () => {
    const original = await buildTestApp();
    apps.push(original);
    const { admin, emails } = await fill(original);
    const before = await served(admin);
    const file = path.join(info.scratchDir, `backup-${randomBytes(4).toString('hex')}.dump`);

    // The embedded engine serves one process at a time: the server is stopped for its backup.
    const source = configOf(original).database;
    if (source.kind === 'embedded') await closeApp(original);
    expect(await runBackupCommand('backup', source, file, false)).toMatch(/^Backed up/);
    expect(fs.existsSync(file)).toBe(true);

    const target = await freshDatabase();
    expect(await runBackupCommand('restore', target, file, false)).toMatch(/^Restored/);
    const restored = await openApp(target);
    for (const email of emails) await signIn(restored, email, TEST_PASSWORD);
    const adminAgain = await signIn(restored, emails[0]!, TEST_PASSWORD);
    expect(await served(adminAgain)).toEqual(before);
  }, RESTORE_TIMEOUT_MS);

  it('refuses to restore over a database that holds data unless --force, and leaves it untouched', async () => {
    const original = await buildTestApp();
    apps.push(original);
    await fill(original);
    const source = configOf(original).database;
    if (source.kind === 'embedded') await closeApp(original);
    const file = path.join(info.scratchDir, `backup-${randomBytes(4).toString('hex')}.dump`);
    await runBackupCommand('backup', source, file, false);

    const target = await buildTestApp();
    apps.push(target);
    const newcomer = await signInNamed(target, 'delegate', 'EE', 'Nina Newcomer');
    expectStatus(await save(newcomer, 'EE', { baseRevision: 0, set: { shelter_places: 99 } }), 200);
    const targetDatabase = configOf(target).database;
    if (targetDatabase.kind === 'embedded') await closeApp(target);

    await expect(runBackupCommand('restore', targetDatabase, file, false)).rejects.toThrow(/already holds data.*--force/);
    const untouched = targetDatabase.kind === 'embedded' ? await openApp(targetDatabase) : target;
    const newcomerAgain = await signIn(untouched, newcomer.user.email, TEST_PASSWORD);
    expect(expectStatus(await newcomerAgain.inject({ method: 'GET', url: responsesPath(1, 'EE') }), 200).data).toEqual({ shelter_places: 99 });
    await closeApp(untouched);

    const message = await runBackupCommand('restore', targetDatabase, file, true);
    if (targetDatabase.kind === 'embedded') expect(message).toMatch(/moved to .*before-restore/);
    const replaced = await openApp(targetDatabase);
    await expect(signIn(replaced, newcomer.user.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    const estonia = await signInNamed(replaced, 'consultant', null, 'Check');
    expect(expectStatus(await estonia.inject({ method: 'GET', url: responsesPath(1, 'EE') }), 200).data).toMatchObject({ shelter_places: 7 });
  }, RESTORE_TIMEOUT_MS);

  it('refuses a backup made by a newer version of the platform (a migration this one does not know), changing nothing', async () => {
    const original = await buildTestApp();
    apps.push(original);
    await fill(original);
    const future = '9999-01-01-001-from-a-newer-version';
    await sql`insert into kysely_migration (name, timestamp) values (${future}, ${new Date().toISOString()})`.execute(original.db);
    const source = configOf(original).database;
    if (source.kind === 'embedded') await closeApp(original);
    const file = path.join(info.scratchDir, `backup-${randomBytes(4).toString('hex')}.dump`);
    await runBackupCommand('backup', source, file, false);

    const target = await freshDatabase();
    await expect(runBackupCommand('restore', target, file, false)).rejects.toThrow(new RegExp(`newer version of the platform.*${future}`));
    // Nothing was restored: the target is still without the platform's tables.
    if (target.kind === 'embedded') {
      expect(fs.existsSync(path.join(target.dataDir, 'PG_VERSION'))).toBe(false);
    } else {
      const app = await openApp(target);
      expect((await sql<{ found: string | null }>`select to_regclass('public.users') as found`.execute(app.db)).rows[0]?.found).toBeNull();
    }
  }, RESTORE_TIMEOUT_MS);

  it('names the mistake when the file is not a backup of this engine', async () => {
    const notABackup = path.join(info.scratchDir, `notes-${randomBytes(4).toString('hex')}.txt`);
    fs.writeFileSync(notABackup, 'just some notes');
    const target = await freshDatabase();
    await expect(runBackupCommand('restore', target, notABackup, false)).rejects.toThrow(BackupError);
    await expect(runBackupCommand('restore', target, notABackup, false)).rejects.toThrow(/is not a backup/);
    const otherEngine = path.join(info.scratchDir, `other-${randomBytes(4).toString('hex')}.dump`);
    fs.writeFileSync(otherEngine, info.engine === 'embedded' ? 'PGDMP\u0001\u000e' : Buffer.from([0x1f, 0x8b, 8, 0]));
    await expect(runBackupCommand('restore', target, otherEngine, false)).rejects.toThrow(info.engine === 'embedded' ? /unset DATABASE_URL|set DATABASE_URL/ : /unset DATABASE_URL/);
    await expect(runBackupCommand('restore', target, path.join(info.scratchDir, 'missing.dump'), false)).rejects.toThrow(/Cannot read/);
  });
});
