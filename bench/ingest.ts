import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { compileQuestionnaire } from '../server/questionnaire/index.js';
import { createBenchAdminToken } from './bench-admin.js';
import { createBenchDatabase } from './bench-database.js';
import { pgbenchTps } from './pgbench.js';
import { createBenchDelegates, type BenchDelegate } from './bench-delegates.js';
import { cpuSpent, cpuTimes, ownCpuMs } from './cpu-time.js';
import { ingestAnswers, ingestDefinition } from './ingest-form.js';
import { machine, percentile, writeSection } from './report.js';
import { assertServerBuilt, startBuiltServer } from './server-process.js';

/**
 * Ingest of whole responses, as a data-collection tool sends them: each pair is a complete
 * response saved in one PATCH from revision 0, then submitted, 8 pairs at a time, against the
 * built server on the PostgreSQL server. The form (ingest-form.ts) is published through the API
 * as a test questionnaire. In the same run `pgbench -N` with as many clients gives the floor of
 * a commit-per-request workload on this machine now, so that a figure measured under other load
 * can be read against it.
 *
 * `npm run build:server && npm run bench -- ingest`. Set BENCH_CPU_PROF_DIR to write a CPU
 * profile of the server there (`--cpu-prof`).
 */
const SURVEY = 'ingest-bench';
const PORT = 3931;
const PARALLEL = 8;
const WARM_UP_PAIRS = 200;
const PAIRS = 2400;
const PGBENCH_SECONDS = 10;
const TARGET_PAIRS_PER_SECOND = 300;

interface PairTimes {
  readonly pair: number;
  readonly save: number;
  readonly submit: number;
}

export async function runIngestBench(): Promise<void> {
  assertServerBuilt();
  // A definition the server would refuse should fail here, before anything is started.
  compileQuestionnaire(ingestDefinition());
  const loadAtStart = os.loadavg()[0] ?? 0;
  const database = await createBenchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const server = await startBuiltServer(PORT, { DATABASE_URL: database.url }, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []);
  try {
    await client.connect();
    const admin = await createBenchAdminToken(database.url);
    await call(server.url, admin, 'POST', '/api/surveys', { id: SURVEY, title: 'Ingest benchmark' });
    const { version } = (await call(server.url, admin, 'POST', `/api/surveys/${SURVEY}/versions`, { definition: ingestDefinition() })) as { version: number };

    console.log(`Creating ${WARM_UP_PAIRS + PAIRS} bench member states with a delegate each…`);
    const delegates = await createBenchDelegates(database.url, 1, WARM_UP_PAIRS + PAIRS);
    const ingest = (states: readonly BenchDelegate[]) => ingestAll(server.url, version, states);

    console.log(`Ingesting ${WARM_UP_PAIRS} responses to warm up, then ${PAIRS}, ${PARALLEL} at a time…`);
    await ingest(delegates.slice(0, WARM_UP_PAIRS));
    const sessions = async () =>
      (await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((r) => r.pid);
    const before = { server: cpuTimes([server.pid]), postgres: cpuTimes(await sessions()), generator: ownCpuMs() };
    const measured = await ingest(delegates.slice(WARM_UP_PAIRS));
    const after = { server: cpuTimes([server.pid]), postgres: cpuTimes(new Set([...before.postgres.keys(), ...(await sessions())])), generator: ownCpuMs() };
    const cpu = {
      server: cpuSpent(before.server, after.server) / PAIRS,
      postgres: cpuSpent(before.postgres, after.postgres) / PAIRS,
      generator: (after.generator - before.generator) / PAIRS,
    };

    console.log(`pgbench -N -c ${PARALLEL} -j 2 -T ${PGBENCH_SECONDS} on the same server…`);
    const floor = await pgbenchTps(database.url, { clients: PARALLEL, seconds: PGBENCH_SECONDS });
    const postgres = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    const body = report({ loadAtStart, postgres, measured, cpu, floor });
    writeSection('Responses: ingest of whole responses (PostgreSQL server)', body);
    console.log(body);
  } finally {
    agent.destroy();
    await client.end().catch(() => undefined);
    await server.stop();
    await database.drop();
  }
}

/** Every state's pair, `PARALLEL` at a time; any answer but 200 stops the run. */
async function ingestAll(url: string, version: number, states: readonly BenchDelegate[]): Promise<{ seconds: number; times: PairTimes[] }> {
  const times: PairTimes[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < states.length) {
      const index = next++;
      const delegate = states[index]!;
      const responsePath = `/api/surveys/${SURVEY}/versions/${version}/responses/${delegate.state}`;
      const start = performance.now();
      const saved = (await call(url, delegate.token, 'PATCH', responsePath, { baseRevision: 0, set: ingestAnswers(index) })) as { revision: number };
      const between = performance.now();
      await call(url, delegate.token, 'POST', `${responsePath}/submit`, { revision: saved.revision });
      const end = performance.now();
      times.push({ pair: end - start, save: between - start, submit: end - between });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { seconds: (performance.now() - started) / 1000, times };
}

/** Keep-alive connections, one per pair in flight; node:http costs the bench process less CPU than fetch. */
const agent = new http.Agent({ keepAlive: true, maxSockets: PARALLEL });

function call(url: string, token: string, method: string, route: string, body: unknown): Promise<unknown> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${route}`,
      { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) reject(new Error(`${method} ${route} answered ${status}: ${text}`));
          else resolve(JSON.parse(text));
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function report(run: {
  loadAtStart: number;
  postgres: string;
  measured: { seconds: number; times: PairTimes[] };
  cpu: { server: number; postgres: number; generator: number };
  floor: number;
}): string {
  const sorted = (pick: (t: PairTimes) => number) => run.measured.times.map(pick).sort((a, b) => a - b);
  const pairs = sorted((t) => t.pair);
  const saves = sorted((t) => t.save);
  const submits = sorted((t) => t.submit);
  const perSecond = PAIRS / run.measured.seconds;
  return [
    `Command: \`npm run build:server && npm run bench -- ingest\` · ${machine()} · PostgreSQL ${run.postgres} on the same machine · load average ${run.loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end`,
    '',
    `The built server (one instance, LOG_LEVEL=warn) on a fresh database; the form of \`bench/ingest-form.ts\` (100 fields: 40 texts, 20 numbers, 20 single choices, 15 checkboxes, a dynamic panel of 5 fields with 3 entries) published through \`POST /api/surveys/{id}/versions\`. A pair is a PATCH of the complete response from revision 0 (a first save, which creates the response) and its submit; ${PARALLEL} pairs at a time, each state once; ${PAIRS} pairs measured after ${WARM_UP_PAIRS} to warm up. The load generator (node:http, keep-alive) runs in the bench process on the same cores.`,
    '',
    `| pairs | pairs per second | pair p50 | pair p99 | save p50 | submit p50 | CPU per pair (server + PostgreSQL + load generator) | pgbench -N -c ${PARALLEL} tps, same run | pairs/s as a share of it |`,
    '|---|---|---|---|---|---|---|---|---|',
    `| ${PAIRS} | ${Math.round(perSecond)} | ${ms(percentile(pairs, 50))} | ${ms(percentile(pairs, 99))} | ${ms(percentile(saves, 50))} | ${ms(percentile(submits, 50))} | ` +
      `${run.cpu.server.toFixed(1)} + ${run.cpu.postgres.toFixed(1)} + ${run.cpu.generator.toFixed(1)} ms | ${Math.round(run.floor)} | ${((100 * perSecond) / run.floor).toFixed(0)}% |`,
    '',
    `Target: ≥ ${TARGET_PAIRS_PER_SECOND} pairs/s (twice ODK Central's 142–157 submissions/s with the same form on this machine) — ${perSecond >= TARGET_PAIRS_PER_SECOND ? 'met' : 'NOT met'}.`,
  ].join('\n');
}
