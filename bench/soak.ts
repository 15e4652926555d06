import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApiTokensService } from '../server/auth/api-tokens.js';
import type { Database } from '../server/db/schema.js';
import { createUsersService } from '../server/people/users.js';
import { compileQuestionnaire, type JsonObject } from '../server/questionnaire/index.js';
import { createBenchDatabase } from './bench-database.js';
import { createBenchDelegates, type BenchDelegate } from './bench-delegates.js';
import { runLoad, type LoadRequest, type LoadResult } from './load.js';
import { machine, writeSection } from './report.js';
import { answerPool, completeView, randomChange } from './save-changes.js';
import { assertServerBuilt, startBuiltServer, type ServerProcess } from './server-process.js';

/**
 * Soak: a sustained mixed load on 2 instances of the built server sharing one PostgreSQL
 * database — 70% autosaves, 20% reads of replies and lists, 10% comparisons and exports — for
 * 60 s at 64 connections. Afterwards: were all answers 2xx (or 503, load shed on purpose), did
 * the servers' memory stay put, and is every acknowledged save in the database?
 *
 * `npm run build:server && npm run bench -- soak`; SOAK_SECONDS=10 for a shorter run.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SURVEY = 'national-cooperation';
const VERSION = 2;
const DEFINITION = 'survey-definitions/national-cooperation/v2.json';
const COMPLETE = 'tests/fixtures/national-cooperation/v2-complete.json';
const PORTS = [3941, 3942];
const CONNECTIONS = 64;
const STATES = 100;
const DEFAULT_SECONDS = 60;
const WARM_UP_SECONDS = 10;
/** How far a V8 process's resident memory moves between collections without anything leaking. */
const RSS_SWING = 0.15;
/** Every state's draft counts in the comparisons and exports (by default only submitted replies do). */
const ALL_REPLIES = 'status=draft,submitted,returned,accepted';

const readJson = (file: string): JsonObject => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as JsonObject;
const versionPath = `/api/surveys/${SURVEY}/versions/${VERSION}`;
const responsePath = (state: string) => `${versionPath}/responses/${state}`;

/** A save the server answered 200: its revision, and what it set. */
interface Acknowledged {
  readonly revision: number;
  readonly set: Record<string, unknown>;
}

export async function runSoakBench(): Promise<void> {
  assertServerBuilt();
  const seconds = soakSeconds();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const complete = readJson(COMPLETE);
  const pool = answerPool(compileQuestionnaire(readJson(DEFINITION)), complete);
  const database = await createBenchDatabase();
  const servers: ServerProcess[] = [];
  try {
    for (const port of PORTS) servers.push(await startBuiltServer(port, { DATABASE_URL: database.url }));
    const urls = servers.map((server) => server.url);

    console.log(`Creating ${STATES} bench member states with a delegate each, and an analyst…`);
    const delegates = await createBenchDelegates(database.url, 1, STATES);
    const analyst = await createAnalystToken(database.url);
    console.log('Saving the complete v2 response for each…');
    await seedResponses(urls, delegates, JSON.stringify({ baseRevision: 0, set: complete }));

    const views = new Map(delegates.map((d) => [d.state, completeView(complete)]));
    const latest = new Map(delegates.map((d) => [d.state, 1]));
    const acknowledged = new Map<string, Acknowledged[]>(delegates.map((d) => [d.state, []]));
    const kinds = { autosave: 0, read: 0, analysis: 0 };

    const autosave = (delegate: BenchDelegate): LoadRequest => {
      const setText = randomChange(pool, views.get(delegate.state)!);
      return {
        method: 'PATCH',
        path: responsePath(delegate.state),
        token: delegate.token,
        body: `{"baseRevision":${latest.get(delegate.state)!},"set":${setText}}`,
        onAnswer: (status, body) => {
          if (status !== 200) return;
          const { revision } = JSON.parse(body) as { revision: number };
          acknowledged.get(delegate.state)!.push({ revision, set: JSON.parse(setText) as Record<string, unknown> });
          if (revision > latest.get(delegate.state)!) latest.set(delegate.state, revision);
        },
      };
    };
    const reads = [
      (d: BenchDelegate) => responsePath(d.state),
      (d: BenchDelegate) => `${responsePath(d.state)}/revisions`,
      (d: BenchDelegate) => `${responsePath(d.state)}/comments`,
      () => `${versionPath}/responses`,
    ];
    const analyses = [`${versionPath}/comparison?${ALL_REPLIES}`, `${versionPath}/export/responses.csv?${ALL_REPLIES}`];
    const get = (path: string, token: string): LoadRequest => ({ method: 'GET', path, token, body: '' });
    const next = (): LoadRequest => {
      const delegate = delegates[Math.floor(Math.random() * delegates.length)]!;
      const dice = Math.random();
      if (dice < 0.7) return (kinds.autosave++, autosave(delegate));
      if (dice < 0.9) return (kinds.read++, get(reads[Math.floor(Math.random() * reads.length)]!(delegate), delegate.token));
      return (kinds.analysis++, get(analyses[Math.floor(Math.random() * analyses.length)]!, analyst));
    };

    // What a first request of each kind starts once (compiled questionnaires, the CSV line
    // worker, V8's compiled code) is not growth: memory is compared after a warm-up of the mix.
    const rssAtStart = servers.map((server) => rssMiB(server.pid));
    console.log(`Warm-up: ${WARM_UP_SECONDS} s of the same mix…`);
    await runLoad(urls, CONNECTIONS, { seconds: WARM_UP_SECONDS }, next);
    Object.assign(kinds, { autosave: 0, read: 0, analysis: 0 });
    const rssBefore = servers.map((server) => rssMiB(server.pid));
    console.log(`Soak: ${seconds} s at ${CONNECTIONS} connections on ${servers.length} servers…`);
    const result = await runLoad(urls, CONNECTIONS, { seconds }, next);
    const rssAfter = servers.map((server) => rssMiB(server.pid));

    console.log('Checking every acknowledged save…');
    const check = await checkAcknowledged(database.url, urls[0]!, analyst, acknowledged);
    const body = report({ seconds, loadAtStart, result, kinds, rssAtStart, rssBefore, rssAfter, check });
    writeSection('Soak: mixed load on 2 instances (PostgreSQL server)', body);
    console.log(body);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}

/** Seeding connections: a first save of a complete response is heavy, and freshly started servers shed load (503) while they warm up. */
const SEED_CONNECTIONS = 8;
const SEED_ROUNDS = 10;

/** Saves the complete response of every state, trying those answered 503 again, until all are saved. */
async function seedResponses(urls: readonly string[], delegates: readonly BenchDelegate[], body: string): Promise<void> {
  let waiting = [...delegates];
  for (let round = 0; round < SEED_ROUNDS && waiting.length > 0; round += 1) {
    const saved = new Set<string>();
    let next = 0;
    const states = waiting;
    await runLoad(urls, Math.min(SEED_CONNECTIONS, states.length), { amount: states.length }, () => {
      const delegate = states[next++ % states.length]!;
      return { method: 'PATCH', path: responsePath(delegate.state), token: delegate.token, body, onAnswer: (status) => void (status === 200 && saved.add(delegate.state)) };
    });
    waiting = states.filter((delegate) => !saved.has(delegate.state));
    if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  if (waiting.length > 0) throw new Error(`seeding: ${waiting.length} of ${delegates.length} complete responses could not be saved`);
}

function soakSeconds(): number {
  const raw = process.env.SOAK_SECONDS;
  if (raw === undefined || raw === '') return DEFAULT_SECONDS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`SOAK_SECONDS must be a whole number of seconds, 1 or more (got "${raw}")`);
  return Number(raw);
}

/** An analyst for the comparisons and exports, with an API token, made by the server's own services. */
async function createAnalystToken(databaseUrl: string): Promise<string> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }) });
  try {
    const analyst = await createUsersService(db).create({ email: 'bench-analyst@example.org', name: 'Bench analyst', role: 'analyst', memberState: null });
    return (await createApiTokensService(db).create(analyst.id, 'soak')).token;
  } finally {
    await db.destroy();
  }
}

/** Resident memory of a process (MiB), from /proc. */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Every revision a save was answered with exists in the database, and the snapshot of each
 * state's highest acknowledged revision holds exactly what that save set (later saves of the same
 * state can only have overwritten it in later revisions).
 */
async function checkAcknowledged(databaseUrl: string, url: string, token: string, acknowledged: ReadonlyMap<string, readonly Acknowledged[]>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let saves = 0;
  let missingRevisions = 0;
  let wrongSnapshots = 0;
  try {
    const { rows } = await client.query<{ state: string; revision: number }>(
      `select r.member_state_code as state, v.revision from response_revisions v join responses r on r.id = v.response_id`,
    );
    const stored = new Map<string, Set<number>>();
    for (const { state, revision } of rows) (stored.get(state) ?? stored.set(state, new Set()).get(state)!).add(revision);
    for (const [state, saved] of acknowledged) {
      saves += saved.length;
      missingRevisions += saved.filter(({ revision }) => !stored.get(state)?.has(revision)).length;
      const last = saved.reduce<Acknowledged | null>((best, save) => (!best || save.revision > best.revision ? save : best), null);
      if (!last) continue;
      const snapshot = await revisionData(`${url}${responsePath(state)}/revisions/${last.revision}`, token);
      const sameRevisionSaves = saved.filter((save) => save.revision === last.revision);
      // Saves answered with the same revision changed nothing: any of them describes the snapshot.
      if (!sameRevisionSaves.some((save) => Object.entries(save.set).every(([question, value]) => canonical(snapshot[question]) === canonical(value)))) wrongSnapshots += 1;
    }
  } finally {
    await client.end();
  }
  return { saves, missingRevisions, wrongSnapshots };
}

/** A revision's snapshot; a server still shedding the soak's load (503) is asked again after its Retry-After. */
async function revisionData(address: string, token: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const response = await fetch(address, { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) return ((await response.json()) as { data: Record<string, unknown> }).data;
    await response.body?.cancel();
    if (response.status !== 503) throw new Error(`GET ${address} answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
  }
  throw new Error(`GET ${address} still answered 503 after 30 attempts`);
}

/** JSON text with object keys sorted: jsonb does not keep the order a client sent them in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const ms = (value: number) => `${Math.round(value)} ms`;
const count = (value: number) => Math.round(value).toLocaleString('en-GB');
const mib = (values: readonly number[]) => values.map((value) => `${value.toFixed(0)} MiB`).join(' / ');

function report(run: {
  seconds: number;
  loadAtStart: number;
  result: LoadResult;
  kinds: { autosave: number; read: number; analysis: number };
  rssAtStart: readonly number[];
  rssBefore: readonly number[];
  rssAfter: readonly number[];
  check: { saves: number; missingRevisions: number; wrongSnapshots: number };
}): string {
  const { result, kinds, check } = run;
  const shed = result.failures[503] ?? 0;
  const errors = Object.entries(result.failures).filter(([status]) => status !== '503');
  const errorCount = errors.reduce((sum, [, n]) => sum + n, 0) + result.errors;
  const sent = kinds.autosave + kinds.read + kinds.analysis;
  const share = (n: number) => `${((100 * n) / Math.max(1, sent)).toFixed(0)}%`;
  const command = run.seconds === DEFAULT_SECONDS ? '`npm run build:server && npm run bench -- soak`' : `\`npm run build:server && SOAK_SECONDS=${run.seconds} npm run bench -- soak\``;
  return [
    `Command: ${command} · ${machine()} · load average ${run.loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end`,
    '',
    `The built server (\`dist/server/main.js\`, LOG_LEVEL=warn), 2 instances (ports ${PORTS.join(', ')}) on one fresh PostgreSQL database, ${CONNECTIONS} autocannon connections shared out between them for ${run.seconds} s, on the same 2 cores as PostgreSQL and the load generator. ${STATES} bench member states, each with a delegate and the complete v2 response saved; requests carry API tokens.`,
    '',
    `- Mix (requests sent): autosaves ${share(kinds.autosave)} (a PATCH setting 1–3 random questions, baseRevision the latest the bench was answered with), reads ${share(kinds.read)} (a reply, its revisions, its comments, or the list of replies), comparisons and exports ${share(kinds.analysis)} (the comparison table and responses.csv over all ${STATES} drafts, as an analyst).`,
    '',
    '| requests answered | per second | p50 | p97.5 | p99 | 503 (shed) | errors (non-2xx other than 503, connection errors) |',
    '|---|---|---|---|---|---|---|',
    `| ${count(result.answered)} | ${count(result.answered / result.seconds)} | ${ms(result.p50)} | ${ms(result.p97_5)} | ${ms(result.p99)} | ${count(shed)} | ${count(errorCount)}${errors.length ? ` (${errors.map(([status, n]) => `${n} × ${status}`).join(', ')})` : ''} |`,
    '',
    `Resident memory of the two server processes after seeding: ${mib(run.rssAtStart)}; after the ${WARM_UP_SECONDS} s warm-up (first exports start the CSV line worker, analysis/export/csv-lines.ts): ${mib(run.rssBefore)}; after the soak: ${mib(run.rssAfter)}.`,
    '',
    `Acknowledged saves: ${count(check.saves)}; revisions answered but not in the database: ${check.missingRevisions}; states whose latest acknowledged revision does not hold what that save set: ${check.wrongSnapshots}.`,
    '',
    `Target: 0 answers other than 2xx and 503 — ${errorCount === 0 ? 'met' : 'NOT met'}; every acknowledged save found — ${check.missingRevisions === 0 && check.wrongSnapshots === 0 ? 'yes' : 'NO'}; no memory growth over the soak beyond the collector's swing (${RSS_SWING * 100}% of the warmed-up size) — ${run.rssAfter.every((after, index) => after <= (run.rssBefore[index] ?? 0) * (1 + RSS_SWING)) ? 'met' : 'NOT met'}.`,
  ].join('\n');
}
