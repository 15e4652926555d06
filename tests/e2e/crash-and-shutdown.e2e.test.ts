import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { asPostgresAdmin as asAdmin, POSTGRES as SERVER, processExit as exited, signInOverHttp as signIn, startServerProcess } from './support/processes.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/schema.js';
import { createApiTokensService } from '../../server/auth/api-tokens.js';
import { createUsersService } from '../../server/people/users.js';

// What a server process does when it ends: killed (SIGKILL) in a storm of saves, every save it
// answered 200 is there after the restart, with its revision, and the revisions have no gaps —
// on the PostgreSQL server and on the embedded engine; stopped (SIGTERM), it finishes what it is
// sending and takes nothing new.
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const start = (port: number, env: Record<string, string>) => startServerProcess(port, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env });
const ADMIN = { email: 'crash-admin@example.org', password: 'crash test admin password' };
const PASSWORD = 'crash test delegate password';
const R = '/api/surveys/national-cooperation/versions/2/responses/EE';
const QUESTIONS = ['main_gaps', 'stockholm_measures', 'return_programme_changes', 'referral_mechanism_description'];

type Engine = { readonly env: Record<string, string>; readonly dbUrl: string | null; cleanup(): Promise<void> };

async function serverEngine(): Promise<Engine> {
  const name = `ncs_crash_${randomBytes(4).toString('hex')}`;
  await asAdmin(`create database "${name}"`);
  return { env: { DATABASE_URL: `${SERVER}/${name}` }, dbUrl: `${SERVER}/${name}`, cleanup: () => asAdmin(`drop database if exists "${name}" with (force)`) };
}

function embeddedEngine(): Engine {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncs-crash-'));
  return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, dbUrl: null, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

describe.each([
  { engine: 'PostgreSQL server', make: serverEngine },
  { engine: 'embedded engine', make: async () => embeddedEngine() },
])('a server killed in a storm of saves, on the $engine', ({ make }) => {
  let engine: Engine;
  afterAll(() => engine?.cleanup());

  it('keeps every save it acknowledged, with its revision, and no gap in the revisions', async () => {
    engine = await make();
    const port = 3983;
    const base = `http://127.0.0.1:${port}`;
    let server = await start(port, engine.env);
    // The delegate is made through the API the administrator uses: the embedded database belongs to the process.
    const admin = await signIn(base, ADMIN.email, ADMIN.password);
    const invited = await admin('POST', '/api/invitations', { email: 'storm@example.org', role: 'delegate', memberState: 'EE' });
    expect(invited.status).toBe(201);
    const { token } = (await invited.json()) as { token: string };
    const accepted = await fetch(`${base}/api/invitations/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Storm', password: PASSWORD }) });
    expect(accepted.status).toBe(201);
    const delegate = await signIn(base, 'storm@example.org', PASSWORD);

    const acknowledged: { question: string; value: string; revision: number }[] = [];
    let killed = false;
    const loop = async (question: string) => {
      for (let index = 0; !killed; index += 1) {
        const value = `${question} ${index}`;
        try {
          const res = await delegate('PATCH', R, { baseRevision: 0, set: { [question]: value } });
          if (res.status === 200) acknowledged.push({ question, value, revision: ((await res.json()) as { revision: number }).revision });
        } catch {
          // The connection died with the server: this save was never acknowledged.
        }
      }
    };
    const storm = Promise.all(QUESTIONS.map(loop));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.kill('SIGKILL');
    killed = true;
    await exited(server);
    await storm;
    expect(acknowledged.length).toBeGreaterThan(10);

    server = await start(port, engine.env);
    try {
      const again = await signIn(base, 'storm@example.org', PASSWORD);
      const history = (await (await again('GET', `${R}/revisions`)).json()) as { revision: number }[];
      const revisions = history.map((entry) => entry.revision);
      expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, index) => index + 1));
      const last = Math.max(...acknowledged.map((save) => save.revision));
      expect(revisions.length).toBeGreaterThanOrEqual(last);
      for (const save of acknowledged) {
        const snapshot = (await (await again('GET', `${R}/revisions/${save.revision}`)).json()) as { data: Record<string, string> };
        expect(snapshot.data[save.question]).toBe(save.value);
      }
      // The reply is its last revision, whole.
      const reply = (await (await again('GET', R)).json()) as { revision: number; data: Record<string, string> };
      const latest = (await (await again('GET', `${R}/revisions/${reply.revision}`)).json()) as { data: Record<string, string> };
      expect(reply.revision).toBe(revisions.length);
      expect(reply.data).toEqual(latest.data);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  }, 120_000);
});

describe('a server stopped with SIGTERM', () => {
  let engine: Engine;
  afterAll(() => engine?.cleanup());

  it('finishes the download it is sending, refuses new connections, and exits 0', async () => {
    engine = await serverEngine();
    const port = 3984;
    const server = await start(port, engine.env);
    const pool = new pg.Pool({ connectionString: engine.dbUrl!, max: 1 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      const complete = fs.readFileSync(path.join(ROOT, 'tests/fixtures/national-cooperation/v2-complete.json'), 'utf8');
      await pool.query(`insert into member_states (code, name, sort_order) select 'SIG-' || i, 'State ' || i, 1000 + i from generate_series(1, 2000) i`);
      await pool.query(
        `insert into responses (survey_id, version, member_state_code, status, data, revision, submitted_at)
         select 'national-cooperation', 2, 'SIG-' || i, 'submitted', $1::jsonb, 1, now() from generate_series(1, 2000) i`,
        [complete],
      );
      const analyst = await createUsersService(db).create({ email: 'sigterm-analyst@example.org', name: 'Analyst', role: 'analyst', memberState: null });
      const { token } = await createApiTokensService(db).create(analyst.id, 'sigterm test');

      // A download read slowly: the first bytes, then SIGTERM, then the rest.
      const body = await new Promise<{ status: number; bytes: number; complete: boolean }>((resolve, reject) => {
        const request = http.get(`http://127.0.0.1:${port}/api/surveys/national-cooperation/versions/2/export/responses.csv`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
          let bytes = 0;
          res.once('data', (chunk: Buffer) => {
            bytes += chunk.length;
            res.pause();
            server.kill('SIGTERM');
            setTimeout(() => {
              // New connections are refused while the download goes on.
              fetch(`http://127.0.0.1:${port}/api/health`).then(
                () => reject(new Error('a new connection was accepted after SIGTERM')),
                () => {
                  res.on('data', (more: Buffer) => (bytes += more.length));
                  res.resume();
                },
              );
            }, 300);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, complete: res.complete }));
          res.on('error', reject);
        });
        request.on('error', reject);
      });
      expect(body.status).toBe(200);
      expect(body.complete).toBe(true);
      expect(body.bytes).toBeGreaterThan(5_000_000);
      expect(await exited(server)).toEqual({ code: 0, signal: null });
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
      await db.destroy();
    }
  }, 120_000);
});
