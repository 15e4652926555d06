import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApiTokensService } from '../server/auth/api-tokens.js';
import type { Database } from '../server/db/schema.js';
import { createUsersService } from '../server/people/users.js';
import { createBenchDatabase } from './bench-database.js';
import { cpuSpent, cpuTimes } from './cpu-time.js';
import { machine, writeSection } from './report.js';
import { assertServerBuilt, startBuiltServer, type ServerProcess } from './server-process.js';

/**
 * The analysis downloads over many replies: 10,000 complete v2 responses of synthetic member
 * states, exported by the built server on a PostgreSQL server — the wide CSV (rows/s, and the
 * server's peak memory at 1,000 and at 10,000 responses), the long CSV, the workbook, the
 * summary and a named table's comparison — beside `COPY (SELECT data …) TO STDOUT` of the same
 * rows through psql, the floor any export of the documents stands on.
 *
 * `npm run build:server && npm run bench -- analysis`. Set BENCH_CPU_PROF_DIR to write a CPU
 * profile of the server there (`node --cpu-prof`).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SURVEY = 'national-cooperation';
const VERSION = 2;
const COMPLETE = 'tests/fixtures/national-cooperation/v2-complete.json';
const PORT = 3961;
const STEPS = [1_000, 10_000] as const;
const RUNS = 3;
const TABLE = 'national-coordination';
const RSS_SAMPLE_MS = 10;
const TARGETS = { wideRowsPerSecond: 5_000, overCopy: 3, rssGrowthMb: 50, comparisonMs: 200 };

const A = `/api/surveys/${SURVEY}/versions/${VERSION}`;

type Timed = { readonly ms: number; readonly bytes: number; readonly peakRssMb: number; readonly serverCpuMs: number };

export async function runAnalysisBench(): Promise<void> {
  assertServerBuilt();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const complete = fs.readFileSync(path.join(ROOT, COMPLETE), 'utf8');
  const database = await createBenchDatabase();
  let server: ServerProcess | undefined;
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const profileDir = process.env.BENCH_CPU_PROF_DIR;
    server = await startBuiltServer(PORT, { DATABASE_URL: database.url }, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []);
    const token = await analystToken(db);
    const running = server;
    const download = (url: string) => timedDownload(`${running.url}${url}`, token, running.pid);
    const best = async (url: string) => {
      const runs: Timed[] = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await download(url));
      return {
        best: Math.min(...runs.map((r) => r.ms)),
        bytes: runs[0]!.bytes,
        peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
        serverCpuMs: Math.min(...runs.map((r) => r.serverCpuMs)),
      };
    };

    const steps: Array<{ responses: number; wide: Awaited<ReturnType<typeof best>>; hwmMb: number; copyMs: number }> = [];
    let made = 0;
    for (const count of STEPS) {
      console.log(`Making responses ${made + 1}–${count}…`);
      await addResponses(pool, made, count, complete);
      made = count;
      await pool.query('vacuum analyze responses');
      const wide = await best(`${A}/export/responses.csv`);
      const copyMs = await copyFloor(database.url);
      steps.push({ responses: count, wide, hwmMb: highWaterMb(running.pid), copyMs });
      console.log(`  wide CSV ${Math.round(wide.best)} ms, COPY ${Math.round(copyMs)} ms, peak RSS ${wide.peakRssMb.toFixed(0)} MB`);
    }
    console.log('Long CSV, workbook, summary, comparison…');
    const long = await best(`${A}/export/responses.csv?layout=long`);
    const labels = await best(`${A}/export/responses.csv?values=labels`);
    const workbook = await best(`${A}/export/workbook.xlsx`);
    const summary = await best(`${A}/export/summary.csv`);
    const comparison = await best(`${A}/comparison?table=${TABLE}`);
    const tableCsv = await best(`${A}/export/comparison.csv?table=${TABLE}`);

    const postgres = (await pool.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    const body = report({ loadAtStart, postgres, steps, long, labels, workbook, summary, comparison, tableCsv });
    writeSection('Analysis: downloads over 10,000 responses (PostgreSQL server)', body);
    console.log(body);
  } finally {
    await db.destroy().catch(() => undefined);
    await server?.stop();
    await database.drop();
  }
}

/** An analyst with an API token, made by the server's own services. */
async function analystToken(db: Kysely<Database>): Promise<string> {
  const analyst = await createUsersService(db).create({ email: 'bench-analyst@example.org', name: 'Bench analyst', role: 'analyst', memberState: null });
  return (await createApiTokensService(db).create(analyst.id, 'analysis benchmark')).token;
}

/**
 * Member states BENCH-00001… and their submitted complete v2 response, in one statement each:
 * going through the responses service would time the save path (bench/responses.ts does),
 * not the exports. The data is the complete Estonian reply, as every save stores it.
 */
async function addResponses(pool: pg.Pool, from: number, to: number, complete: string): Promise<void> {
  await pool.query(
    `insert into member_states (code, name, sort_order)
     select 'BENCH-' || lpad(i::text, 5, '0'), 'Bench state ' || lpad(i::text, 5, '0'), 1000 + i from generate_series($1::int, $2::int) i`,
    [from + 1, to],
  );
  await pool.query(
    `insert into responses (survey_id, version, member_state_code, status, data, revision, submitted_at)
     select $1, $2, 'BENCH-' || lpad(i::text, 5, '0'), 'submitted', $3::jsonb, 1, now() from generate_series($4::int, $5::int) i`,
    [SURVEY, VERSION, complete, from + 1, to],
  );
}

/**
 * Downloads a file as a script would, to the last byte, sampling the server's resident memory
 * meanwhile (VmRSS from /proc): the peak during the download.
 */
async function timedDownload(url: string, token: string, pid: number): Promise<Timed> {
  let peak = rssMb(pid);
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, rssMb(pid));
      await sleep(RSS_SAMPLE_MS);
    }
  })();
  const cpuBefore = cpuTimes([pid]);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    for await (const chunk of response.body!) bytes += (chunk as Uint8Array).byteLength;
    return { ms: performance.now() - started, bytes, peakRssMb: peak, serverCpuMs: cpuSpent(cpuBefore, cpuTimes([pid])) };
  } finally {
    sampling = false;
    await sampler;
  }
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}
const rssMb = (pid: number) => statusField(pid, 'VmRSS');
/** The process's peak resident memory since it started. */
const highWaterMb = (pid: number) => statusField(pid, 'VmHWM');

/** The floor: PostgreSQL sending the same documents as text, through psql to /dev/null (best of the runs). */
async function copyFloor(url: string): Promise<number> {
  const statement = `copy (select data from responses where survey_id = '${SURVEY}' and version = ${VERSION} and status in ('submitted', 'accepted')) to stdout`;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const psql = spawn('psql', ['--no-psqlrc', '--quiet', '-d', url, '-c', statement], { stdio: ['ignore', 'ignore', 'inherit'] });
      psql.once('error', reject);
      psql.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
    });
    times.push(performance.now() - started);
  }
  return Math.min(...times);
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-GB')} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const perSecond = (rows: number, milliseconds: number) => Math.round((rows / milliseconds) * 1000).toLocaleString('en-GB');
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

type Measured = { best: number; bytes: number; peakRssMb: number; serverCpuMs: number };

function report(run: {
  loadAtStart: number;
  postgres: string;
  steps: ReadonlyArray<{ responses: number; wide: Measured; hwmMb: number; copyMs: number }>;
  long: Measured;
  labels: Measured;
  workbook: Measured;
  summary: Measured;
  comparison: Measured;
  tableCsv: Measured;
}): string {
  const [small, large] = run.steps as [(typeof run.steps)[number], (typeof run.steps)[number]];
  const rows = large.responses;
  const wideRate = (rows / large.wide.best) * 1000;
  const overCopy = large.wide.best / large.copyMs;
  const growth = large.wide.peakRssMb - small.wide.peakRssMb;
  const line = (what: string, timed: Measured, count = rows) =>
    `| ${what} | ${ms(timed.best)} | ${perSecond(count, timed.best)} | ${ms(timed.serverCpuMs)} | ${mb(timed.bytes)} | ${timed.peakRssMb.toFixed(0)} MB |`;
  return [
    `Command: \`npm run build:server && npm run bench -- analysis\` · ${machine()} · PostgreSQL ${run.postgres} on the same machine · load average ${run.loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end`,
    '',
    `The built server (\`dist/server/main.js\`) on a fresh database; ${rows.toLocaleString('en-GB')} synthetic member states (BENCH-00001…) each with the complete v2 reply (\`${COMPLETE}\`, submitted), inserted by SQL. Each file is fetched to its last byte over HTTP with an analyst's API token, best of ${RUNS}; server CPU is the server process's user + system time for the download (from /proc, the least of the runs: it depends far less than the time on what else runs on the machine); memory is the server process's resident set (VmRSS sampled every ${RSS_SAMPLE_MS} ms during the downloads: the peak).`,
    '',
    '| download (10,000 responses unless said) | time | responses/s | server CPU | size | peak RSS |',
    '|---|---|---|---|---|---|',
    line(`wide CSV, codes, ${small.responses.toLocaleString('en-GB')} responses`, small.wide, small.responses),
    line('wide CSV, codes', large.wide),
    line('wide CSV, labels', run.labels),
    line('long CSV, codes', run.long),
    line('workbook (a sheet per named table, Responses, Summary, Codebook)', run.workbook),
    line('summary CSV (a column per active member state, bench states included)', run.summary),
    line(`comparison CSV of the named table \`${TABLE}\``, run.tableCsv),
    line(`GET …/comparison?table=${TABLE} (JSON)`, run.comparison),
    '',
    `The floor, \`COPY (SELECT data FROM responses …) TO STDOUT\` through psql: ${ms(small.copyMs)} at ${small.responses.toLocaleString('en-GB')}, ${ms(large.copyMs)} at ${rows.toLocaleString('en-GB')} (the wide CSV takes ${overCopy.toFixed(1)}× as long). Peak RSS of the server process since its start (VmHWM): ${small.hwmMb.toFixed(0)} MB after the ${small.responses.toLocaleString('en-GB')}-response exports, ${large.hwmMb.toFixed(0)} MB after the ${rows.toLocaleString('en-GB')}-response ones.`,
    '',
    "Where a download's time and memory go, what was changed for it and what would meet the targets not met: [Analysis: where a download's time goes (notes)](#analysis-where-a-downloads-time-goes-notes) below.",
    '',
    `Targets: ≥ ${TARGETS.wideRowsPerSecond.toLocaleString('en-GB')} wide rows/s — ${met(wideRate >= TARGETS.wideRowsPerSecond)} (${Math.round(wideRate).toLocaleString('en-GB')}); wide export ≤ ${TARGETS.overCopy}× the COPY floor — ${met(overCopy <= TARGETS.overCopy)} (${overCopy.toFixed(1)}×); peak RSS at 10,000 no more than ${TARGETS.rssGrowthMb} MB above that at 1,000 — ${met(growth <= TARGETS.rssGrowthMb)} (${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB); a named table's comparison ≤ ${TARGETS.comparisonMs} ms — ${met(run.comparison.best <= TARGETS.comparisonMs)} (${ms(run.comparison.best)}).`,
  ].join('\n');
}
