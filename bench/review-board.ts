import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { DEMO_SURVEY, seedDemo } from '../server/demo/seed.js';
import type { Actor, ResponseTarget } from '../server/responses/target.js';
import { readBoard } from '../server/review/board-query.js';
import { createBenchDatabase } from './bench-database.js';
import { cpuSpent, cpuTimes } from './cpu-time.js';
import { machine, percentile, writeSection } from './report.js';
import { assertServerBuilt, startBuiltServer } from './server-process.js';

/**
 * The consultant's review board on a PostgreSQL server: `GET …/review-board` of each version,
 * timed one request after another against the built server — first on the demo's 11 member
 * states × 2 versions, then with 1,000 synthetic states (BENCH-0001…) replying to version 2 in
 * every status, with comments and replies.
 *
 * `npm run build:server && npm run bench -- review-board`.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 3931;
const SYNTHETIC_STATES = 1000;
const WARM_UP_REQUESTS = 20;
const TIMED_REQUESTS = 200;
const PARALLEL = 8;
const TARGET_MS = 100;
const COMPLETE = 'tests/fixtures/national-cooperation/v2-complete.json';

/** What each synthetic state's reply goes through, by its number modulo 10. */
const PLAN = [
  'not started',
  'draft, half answered',
  'draft, half answered',
  'draft, complete',
  'submitted, with a question comment',
  'submitted, with a question comment',
  'resubmitted (returned, changed, submitted again)',
  'returned with a message, a question comment and the delegate’s reply',
  'returned with a message, a question comment and the delegate’s reply',
  'accepted',
] as const;

interface Timing {
  readonly label: string;
  readonly rows: number;
  readonly bytes: number;
  /** The first request after the server started: every reply's progress computed. */
  readonly first: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** CPU time per timed request (ms) of the server and of its PostgreSQL sessions: what the wall time would be on an idle machine, roughly. */
  readonly cpuServer: number;
  readonly cpuPostgres: number;
  /** The board's one statement alone (p50), run in this process on the same database: with every reply's answers, and with none. */
  readonly statementCold: number;
  readonly statementWarm: number;
}

export async function runReviewBoardBench(): Promise<void> {
  assertServerBuilt();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const database = await createBenchDatabase();
  const app = await buildApp(loadConfig({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' }));
  let server: Awaited<ReturnType<typeof startBuiltServer>> | undefined;
  try {
    console.log('Filling the demo’s 11 member states × 2 versions…');
    await seedDemo(app);
    const consultant = await app.users.create({ email: 'bench-consultant@example.org', name: 'Bench consultant', role: 'consultant' });
    const { token } = await app.apiTokens.create(consultant.id, 'benchmark');
    server = await startBuiltServer(PORT, { DATABASE_URL: database.url });

    const timings: Timing[] = [];
    for (const version of [1, 2]) timings.push(await timeBoard(app, server, token, version, `11 states, version ${version}`));

    console.log(`Adding ${SYNTHETIC_STATES} synthetic member states with replies to version 2…`);
    await addSyntheticStates(app, { user: consultant, ip: null });
    // Fresh statistics, as autovacuum gathers them within a minute of such a change: planned on the
    // empty tables' estimates, the statement is costed high enough for PostgreSQL to JIT-compile it
    // on every run (about 340 ms, measured).
    await app.pg.query('analyze');
    timings.push(await timeBoard(app, server, token, 2, `${11 + SYNTHETIC_STATES} states, version 2 (${SYNTHETIC_STATES} synthetic replies)`));
    timings.push(await timeBoard(app, server, token, 1, `${11 + SYNTHETIC_STATES} states, version 1 (11 replies, the rest not started)`));

    const postgres = (await app.pg.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    const body = report({ loadAtStart, postgres, timings });
    writeSection('Review board (PostgreSQL server)', body);
    console.log(body);
  } finally {
    await server?.stop();
    await app.close();
    await database.drop();
  }
}

/** Sequential requests, as one consultant's board asks for each version; the answer checked once. */
async function timeBoard(app: FastifyInstance, server: { url: string; pid: number }, token: string, version: number, label: string): Promise<Timing> {
  const { url } = server;
  const request = async () => {
    const started = performance.now();
    const response = await fetch(`${url}/api/surveys/${DEMO_SURVEY}/versions/${version}/review-board`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`the board answered ${response.status}: ${text}`);
    return { elapsed, text };
  };
  const first = (await request()).elapsed;
  for (let i = 0; i < WARM_UP_REQUESTS; i++) await request();
  const latencies: number[] = [];
  let last = '';
  const sessions = async () =>
    (await app.pg.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((row) => row.pid);
  const before = { server: cpuTimes([server.pid]), postgres: cpuTimes(await sessions()) };
  for (let i = 0; i < TIMED_REQUESTS; i++) {
    const { elapsed, text } = await request();
    latencies.push(elapsed);
    last = text;
  }
  const after = { server: cpuTimes([server.pid]), postgres: cpuTimes(new Set([...before.postgres.keys(), ...(await sessions())])) };
  latencies.sort((a, b) => a - b);
  const records = await readBoard(app.db, DEMO_SURVEY, version);
  const known = Object.fromEntries(records.flatMap((record) => (record.reply ? [[record.reply.id, record.reply.revision]] : [])));
  const rows = (JSON.parse(last) as { rows: unknown[] }).rows.length;
  return {
    label,
    rows,
    bytes: Buffer.byteLength(last),
    first,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1)!,
    cpuServer: cpuSpent(before.server, after.server) / TIMED_REQUESTS,
    cpuPostgres: cpuSpent(before.postgres, after.postgres) / TIMED_REQUESTS,
    statementCold: await statementTime(() => readBoard(app.db, DEMO_SURVEY, version)),
    statementWarm: await statementTime(() => readBoard(app.db, DEMO_SURVEY, version, known)),
  };
}

async function statementTime(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

/**
 * Member states BENCH-0001… with a delegate each, their replies made through the services a
 * person's requests go through (saves, submissions, the consultant's returns, acceptances and
 * comments), in the mix of PLAN.
 */
async function addSyntheticStates(app: FastifyInstance, consultant: Actor): Promise<void> {
  const complete = JSON.parse(fs.readFileSync(path.join(ROOT, COMPLETE), 'utf8')) as Record<string, unknown>;
  const half = Object.fromEntries(Object.entries(complete).slice(0, Math.ceil(Object.keys(complete).length / 2)));
  const make = async (number: number) => {
    const digits = String(number).padStart(4, '0');
    const code = `BENCH-${digits}`;
    await app.memberStates.create(code, `Bench state ${digits}`);
    const kind = number % PLAN.length;
    if (kind === 0) return;
    const user = await app.users.create({ email: `bench-${digits}@example.org`, name: `Bench delegate ${digits}`, role: 'delegate', memberState: code });
    const delegate: Actor = { user, ip: null };
    const target: ResponseTarget = { surveyId: DEMO_SURVEY, version: 2, memberState: code };
    let { revision } = await app.responses.save(target, delegate, { baseRevision: 0, set: kind <= 2 ? half : complete });
    if (kind <= 3) return;
    await app.responses.submit(target, delegate, revision);
    if (kind === 4 || kind === 5) {
      await app.responses.comments.create(target, consultant, { question: 'main_gaps', body: 'Which of these gaps comes first?' });
      return;
    }
    if (kind === 9) {
      await app.responses.accept(target, consultant);
      return;
    }
    ({ revision } = await app.responses.returnResponse(target, consultant, 'Please look at the comments and submit again.'));
    const question = await app.responses.comments.create(target, consultant, { question: 'main_gaps', body: 'Which of these gaps comes first?' });
    await app.responses.comments.create(target, delegate, { replyTo: question.id, body: 'Funding, then data collection.' });
    if (kind === 6) {
      ({ revision } = await app.responses.save(target, delegate, { baseRevision: revision, set: { main_gaps: 'Funding of shelters; then data collection.' } }));
      await app.responses.submit(target, delegate, revision);
    }
  };
  for (let start = 1; start <= SYNTHETIC_STATES; start += PARALLEL) {
    await Promise.all(Array.from({ length: Math.min(PARALLEL, SYNTHETIC_STATES - start + 1) }, (_, i) => make(start + i)));
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;

function report(run: { loadAtStart: number; postgres: string; timings: readonly Timing[] }): string {
  const large = run.timings.filter((timing) => timing.rows > 11);
  const met = large.every((timing) => timing.p95 <= TARGET_MS);
  return [
    `Command: \`npm run build:server && npm run bench -- review-board\` · ${machine()} · PostgreSQL ${run.postgres} on the same machine · load average ${run.loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end`,
    '',
    `The built server (\`dist/server/main.js\`, LOG_LEVEL=warn) on a fresh database filled by \`npm run demo\`'s seed (11 member states × 2 versions, through the real services), asked with a consultant's API token. ` +
      `Each version's board is one request (\`GET /api/surveys/${DEMO_SURVEY}/versions/{v}/review-board\`), timed by the client from sending to the last byte: ${TIMED_REQUESTS} requests one after another after ${WARM_UP_REQUESTS} to warm up. ` +
      `Then ${SYNTHETIC_STATES} synthetic member states (BENCH-0001…) reply to version 2, made through the same services, by number: ${describePlan()}; the complete reply is \`${COMPLETE}\`.`,
    '',
    '| board | rows | answer | first request | p50 | p95 | max | CPU per request: server + PostgreSQL | its statement alone, with every reply’s answers / with none (p50) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...run.timings.map(
      (t) =>
        `| ${t.label} | ${t.rows.toLocaleString('en-GB')} | ${kilobytes(t.bytes)} | ${ms(t.first)} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ${t.cpuServer.toFixed(1)} + ${t.cpuPostgres.toFixed(1)} ms | ${ms(t.statementCold)} / ${ms(t.statementWarm)} |`,
    ),
    '',
    'Progress is computed in Node by the submit rules (`server/responses/progress.ts`) from a reply\'s answers once per reply and revision, and kept by the server (`server/review/settled-facts-cache.ts`, with the other facts a revision settles: who made it, whether the reply had been returned): the first request after a start carries every reply\'s answers out of the database and computes them all; later ones carry only the answers of replies changed since. Each instance keeps its own. CPU time is read from /proc; on this shared machine it says more than the wall times, which include waiting for the cores.',
    '',
    'The first request of each version after the server started also compiles its questionnaire (once per process); the first after the 1,000 replies were made computes all their progress.',
    '',
    `Target: ≤ ${TARGET_MS} ms for ${SYNTHETIC_STATES.toLocaleString('en-GB')} states (p95 of the requests after the first, on the boards with them) — ${met ? 'met' : 'NOT met'}.`,
    '',
    // The analysis behind these figures is prose written by hand, kept in its own section.
    "What the statement's time was and what was changed for it: [Review board: where the time went (history)](#review-board-where-the-time-went-history) below.",
  ].join('\n');
}

function describePlan(): string {
  const counts = new Map<string, number[]>();
  PLAN.forEach((kind, index) => counts.set(kind, [...(counts.get(kind) ?? []), index]));
  return [...counts].map(([kind, remainders]) => `${remainders.map((r) => `${r}`).join(', ')} mod 10 ${kind}`).join('; ');
}
