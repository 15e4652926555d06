import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_FAILURE_LIMIT } from '../../server/auth/sign-in.js';
import type { Database } from '../../server/db/schema.js';
import { createUsersService } from '../../server/people/users.js';
import { asPostgresAdmin as admin, POSTGRES as SERVER, signInOverHttp, startServerProcess } from './support/processes.js';

// Two instances of the built server, as behind a load balancer, on one PostgreSQL database: what
// one instance knows (sessions, throttling, a closed version, every save) the other knows too,
// because none of it is kept in an instance's memory.
const PORTS = [3981, 3982] as const;
const ADMIN = { email: 'multi-admin@example.org', password: 'two instances admin password' };
const PASSWORD = 'two instances delegate password';
const V = '/api/surveys/national-cooperation/versions/2';
const R = `${V}/responses/EE`;
/** Free-text questions of v2: each delegate saves two of them, over and over. */
const QUESTIONS = [['main_gaps', 'stockholm_measures'], ['return_programme_changes', 'referral_mechanism_description']] as const;

type Session = Awaited<ReturnType<typeof signInOverHttp>>;
const start = (port: number, databaseUrl: string) => startServerProcess(port, { DATABASE_URL: databaseUrl, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
const signIn = signInOverHttp;
const call = (session: Session, method: string, url: string, body?: unknown, base?: string) => session(method, url, body, base);

describe('two instances on one database', () => {
  const database = `ncs_multi_${randomBytes(4).toString('hex')}`;
  const bases = PORTS.map((port) => `http://127.0.0.1:${port}`);
  const children: ChildProcess[] = [];
  let db: Kysely<Database>;

  beforeAll(async () => {
    await admin(`create database "${database}"`);
    // One after the other: the first migrates and creates the administrator.
    for (const port of PORTS) children.push(await start(port, `${SERVER}/${database}`));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: `${SERVER}/${database}`, max: 2 }) }) });
    const users = createUsersService(db);
    for (const name of ['Anna', 'Bert']) {
      await users.create({ email: `${name.toLowerCase()}@multi.example.org`, name, role: 'delegate', memberState: 'EE', password: PASSWORD });
    }
  }, 120_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)))));
    await db?.destroy();
    await admin(`drop database if exists "${database}" with (force)`);
  });

  it('accepts a session made on one instance on the other', async () => {
    const session = await signIn(bases[0]!, ADMIN.email, ADMIN.password);
    const me = await call(session, 'GET', '/api/auth/me', undefined, bases[1]);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(ADMIN.email);
  });

  it('loses no save and duplicates no revision when two people save through both at once', async () => {
    const anna = await signIn(bases[0]!, 'anna@multi.example.org', PASSWORD);
    const bert = await signIn(bases[1]!, 'bert@multi.example.org', PASSWORD);
    const SAVES = 20;
    const sends = [anna, bert].flatMap((person, who) =>
      Array.from({ length: SAVES }, (_, index) => {
        const question = QUESTIONS[who]![index % 2]!;
        const value = `${who === 0 ? 'Anna' : 'Bert'} ${index}`;
        // Every save through the other instance half the time, all from revision 0: the server merges them.
        const base = bases[(who + index) % 2]!;
        return call(person, 'PATCH', R, { baseRevision: 0, set: { [question]: value } }, base).then(async (res) => ({
          question,
          value,
          status: res.status,
          revision: res.status === 200 ? ((await res.json()) as { revision: number }).revision : null,
        }));
      }),
    );
    const answers = await Promise.all(sends);
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);

    const revisions = answers.map((answer) => answer.revision!).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 2 * SAVES }, (_, index) => index + 1));
    const reply = (await (await call(anna, 'GET', R)).json()) as { revision: number; data: Record<string, string> };
    expect(reply.revision).toBe(2 * SAVES);
    // Each question holds the value of its last acknowledged save.
    for (const question of QUESTIONS.flat()) {
      const last = answers.filter((answer) => answer.question === question).sort((a, b) => b.revision! - a.revision!)[0]!;
      expect(reply.data[question]).toBe(last.value);
    }
    const history = (await (await call(anna, 'GET', `${R}/revisions`, undefined, bases[1])).json()) as { revision: number }[];
    expect(history.map((entry) => entry.revision)).toEqual(Array.from({ length: 2 * SAVES }, (_, index) => index + 1));
  });

  it('throttles failed sign-ins of an account counted across both instances', async () => {
    const attempt = (index: number) =>
      fetch(`${bases[index % 2]}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bert@multi.example.org', password: 'not the password' }) });
    for (let index = 0; index < ACCOUNT_FAILURE_LIMIT; index += 1) expect((await attempt(index)).status).toBe(401);
    for (const index of [0, 1]) {
      const refused = await attempt(index);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('refuses saves through the other instance as soon as a version is closed through one', async () => {
    const administrator = await signIn(bases[0]!, ADMIN.email, ADMIN.password);
    const anna = await signIn(bases[1]!, 'anna@multi.example.org', PASSWORD);
    const closed = await call(administrator, 'PATCH', V, { status: 'closed' });
    expect(closed.status).toBe(200);
    const save = await call(anna, 'PATCH', R, { baseRevision: 0, set: { main_gaps: 'after the close' } });
    expect(save.status).toBe(409);
    expect(((await save.json()) as { error: { code: string } }).error.code).toBe('RESPONSE_LOCKED');
  });
});
