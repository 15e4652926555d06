import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { compileQuestionnaire, type JsonObject } from '../server/questionnaire/index.js';
import { createBenchDatabase } from './bench-database.js';
import { pgbenchTps } from './pgbench.js';
import { cpuSpent, cpuTimes, ownCpuMs } from './cpu-time.js';
import { createBenchDelegates, type BenchDelegate } from './bench-delegates.js';
import { runLoad, type LoadLength, type LoadRequest, type LoadResult } from './load.js';
import { machine, writeSection } from './report.js';
import { answerPool, completeView, randomChange } from './save-changes.js';
import { assertServerBuilt, startBuiltServer, type ServerProcess } from './server-process.js';

/**
 * Autosave and submit throughput of the built server on a PostgreSQL server, driven over HTTP by
 * autocannon on the same machine: once against one server instance and once against two (as
 * production runs several stateless instances), with the same 32 connections shared out.
 *
 * `npm run build:server && npm run bench -- responses`. Set BENCH_CPU_PROF_DIR to write a CPU
 * profile of each server instance there (`--cpu-prof`).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SURVEY = 'national-cooperation';
const VERSION = 2;
const DEFINITION = 'survey-definitions/national-cooperation/v2.json';
const COMPLETE = 'tests/fixtures/national-cooperation/v2-complete.json';
const PORTS = [3921, 3922];
const CONNECTIONS = 32;
/** Enough states that 32 connections rarely wait for each other's row lock. */
const SAVE_STATES = 100;
const SAVE_SECONDS = 15;
const PGBENCH_SECONDS = 20;
const WARM_UP_SECONDS = 3;
/** Submissions per run: at the 150/s target a run lasts 20 s. */
const SUBMITS = 3000;
const TARGETS = { saves: 800, saveP99: 150, submits: 150 };

const readJson = (file: string): JsonObject => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as JsonObject;
const responsePath = (state: string) => `/api/surveys/${SURVEY}/versions/${VERSION}/responses/${state}`;

/** A load run and the CPU time it cost per answered request (ms), by who spent it. */
interface Measured {
  readonly result: LoadResult;
  readonly cpu: { readonly server: number; readonly postgres: number; readonly generator: number };
}

export async function runResponsesBench(): Promise<void> {
  assertServerBuilt();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const complete = readJson(COMPLETE);
  const pool = answerPool(compileQuestionnaire(readJson(DEFINITION)), complete);
  const database = await createBenchDatabase();
  const servers: ServerProcess[] = [];
  const client = new pg.Client({ connectionString: database.url });
  try {
    const profileDir = process.env.BENCH_CPU_PROF_DIR;
    const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
    // One after the other: the first migrates and imports the questionnaires, the next finds them done.
    for (const port of PORTS) servers.push(await startBuiltServer(port, { DATABASE_URL: database.url }, nodeArgs));
    await client.connect();
    const urls = servers.map((server) => server.url);

    /** Runs a load against the first `count` servers, measuring CPU time of them, the database sessions and this process. */
    const measure = async (count: number, length: LoadLength, next: () => LoadRequest): Promise<Measured> => {
      const serverPids = servers.slice(0, count).map((server) => server.pid);
      const sessions = async () =>
        (await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((r) => r.pid);
      const before = { server: cpuTimes(serverPids), postgres: cpuTimes(await sessions()), generator: ownCpuMs() };
      const result = await runLoad(urls.slice(0, count), CONNECTIONS, length, next);
      const after = { server: cpuTimes(serverPids), postgres: cpuTimes(new Set([...before.postgres.keys(), ...(await sessions())])), generator: ownCpuMs() };
      const per = (spent: number) => spent / Math.max(1, result.answered);
      return {
        result,
        cpu: {
          server: per(cpuSpent(before.server, after.server)),
          postgres: per(cpuSpent(before.postgres, after.postgres)),
          generator: per(after.generator - before.generator),
        },
      };
    };

    console.log(`Creating ${SAVE_STATES + 2 * SUBMITS} bench member states with a delegate each…`);
    const delegates = await createBenchDelegates(database.url, 1, SAVE_STATES + 2 * SUBMITS);
    const editors = delegates.slice(0, SAVE_STATES);
    const submitters = [delegates.slice(SAVE_STATES, SAVE_STATES + SUBMITS), delegates.slice(SAVE_STATES + SUBMITS)] as const;

    console.log('Saving the complete v2 response for each…');
    const setSaved = JSON.stringify({ baseRevision: 0, set: complete });
    expectAllOk('saving the complete responses', await runLoad(urls, CONNECTIONS, { amount: delegates.length }, inTurn(delegates, (d) => patch(d, setSaved))));

    const views = new Map(editors.map((editor) => [editor.state, completeView(complete)]));
    // Like the reply page, each editor sends the latest revision its saves were answered with as
    // its base: usually the current one; behind it when another of its saves is still in flight.
    const revisions = new Map(editors.map((editor) => [editor.state, 1]));
    let merged = 0;
    const autosave = (): LoadRequest => {
      const editor = editors[Math.floor(Math.random() * editors.length)]!;
      return {
        ...patch(editor, `{"baseRevision":${revisions.get(editor.state)!},"set":${randomChange(pool, views.get(editor.state)!)}}`),
        onAnswer: (status, body) => {
          if (status !== 200) return;
          const { revision, mergedFrom } = JSON.parse(body) as { revision: number; mergedFrom?: number };
          if (mergedFrom !== undefined) merged += 1;
          if (revision > revisions.get(editor.state)!) revisions.set(editor.state, revision);
        },
      };
    };
    const saveRun = async (count: number) => {
      await runLoad(urls.slice(0, count), CONNECTIONS, { seconds: WARM_UP_SECONDS }, autosave);
      const before = await savedRevisions(client);
      merged = 0;
      const measured = await measure(count, { seconds: SAVE_SECONDS }, autosave);
      return { ...measured, written: (await savedRevisions(client)) - before, merged };
    };
    console.log(`Autosave, ${SAVE_SECONDS} s on 1 server, then on 2…`);
    const saves = [await saveRun(1), await saveRun(2)];

    const submitRun = (count: number, states: readonly BenchDelegate[]) =>
      measure(count, { amount: states.length }, inTurn(states, (d) => ({ method: 'POST', path: `${responsePath(d.state)}/submit`, token: d.token, body: '{"revision":1}' })));
    console.log(`Submitting ${SUBMITS} responses on 1 server, then ${SUBMITS} others on 2…`);
    const submits = [await submitRun(1, submitters[0]), await submitRun(2, submitters[1])];

    console.log(`pgbench -N -c ${CONNECTIONS} -j 2 -T ${PGBENCH_SECONDS} on the same server…`);
    const floor = await pgbenchTps(database.url, { clients: CONNECTIONS, seconds: PGBENCH_SECONDS });

    const postgres = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    const body = report({ loadAtStart, postgres, saves, submits, floor });
    writeSection('Responses: autosave and submit (PostgreSQL server)', body);
    console.log(body);
  } finally {
    await client.end().catch(() => undefined);
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}

function patch(delegate: BenchDelegate, body: string): LoadRequest {
  return { method: 'PATCH', path: responsePath(delegate.state), token: delegate.token, body };
}

/** Each delegate's request once, in order; autocannon asks exactly as many times as `amount`. */
function inTurn(delegates: readonly BenchDelegate[], request: (delegate: BenchDelegate) => LoadRequest): () => LoadRequest {
  let next = 0;
  return () => request(delegates[next++ % delegates.length]!);
}

function expectAllOk(what: string, result: LoadResult): void {
  if (result.ok !== result.answered || result.errors > 0) {
    throw new Error(`${what}: ${result.ok} of ${result.answered} answered 2xx (${JSON.stringify(result.failures)}), ${result.errors} connection errors`);
  }
}

/** Saves that wrote a revision: a save that changes nothing answers 200 and writes none. */
async function savedRevisions(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: string }>(`select count(*) from response_revisions where kind = 'save'`);
  return Number(rows[0]!.count);
}

const ms = (value: number) => `${Math.round(value)} ms`;
const rate = (value: number) => Math.round(value).toLocaleString('en-GB');
const servers = (count: number) => `${count} server${count > 1 ? 's' : ''}`;
const refused = (result: LoadResult) => {
  const codes = Object.entries(result.failures).map(([status, count]) => `${count} × ${status}`);
  return [...codes, ...(result.errors > 0 ? [`${result.errors} connection errors`] : [])].join(', ') || '0';
};
const row = (load: string, count: number, { result, cpu }: Measured) =>
  `| ${load} | ${count} | ${rate(result.answered)} | ${rate(result.perSecond)} | ${ms(result.p50)} | ${ms(result.p97_5)} | ${ms(result.p99)} | ${refused(result)} | ` +
  `${cpu.server.toFixed(1)} + ${cpu.postgres.toFixed(1)} + ${cpu.generator.toFixed(1)} ms |`;

function report(run: { loadAtStart: number; postgres: string; saves: readonly (Measured & { written: number; merged: number })[]; submits: readonly Measured[]; floor: number }): string {
  const allOk = (result: LoadResult) => result.ok === result.answered && result.errors === 0;
  const saveMet = ({ result }: Measured) => result.perSecond >= TARGETS.saves && result.p99 <= TARGETS.saveP99 && allOk(result);
  const submitMet = ({ result }: Measured) => result.perSecond >= TARGETS.submits && allOk(result);
  const verdicts = (runs: readonly Measured[], met: (run: Measured) => boolean) =>
    runs.map((measured, index) => `${servers(index + 1)}: ${met(measured) ? 'met' : 'NOT met'}`).join(', ');
  return [
    `Command: \`npm run build:server && npm run bench -- responses\` · ${machine()} · PostgreSQL ${run.postgres} on the same machine · load average ${run.loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end`,
    '',
    `The built server (\`dist/server/main.js\`, LOG_LEVEL=warn) on a fresh database, 1 instance or 2 (ports ${PORTS.join(', ')}) with the ${CONNECTIONS} autocannon connections shared out between them; autocannon runs in the bench process on the same cores. Requests carry a delegate's API token (Bearer).`,
    '',
    `- Autosave: ${SAVE_STATES} bench member states, each with one delegate and the complete v2 response (\`${COMPLETE}\`) saved. Each request is a PATCH of a random state's response setting 1–3 random questions to another valid value (another choice, a checkbox tick toggled, a number ±1, a text without its last word), with the latest revision the bench's saves of that state were answered with as baseRevision — the current one unless another save of the state is in flight, then merged; ${SAVE_SECONDS} s after a ${WARM_UP_SECONDS} s warm-up.`,
    `- Submit: ${SUBMITS} other states per run, each with the complete v2 response saved (revision 1), each submitted exactly once (POST …/submit \`{ "revision": 1 }\`).`,
    '- CPU per request: CPU time (user + system, from /proc) of the server instances + their PostgreSQL sessions + the load generator, divided by the requests answered. It depends much less than the rates on what else runs on the machine; 2 cores give 2,000 ms of CPU a second to share out.',
    '',
    '| load | servers | requests | per second (2xx) | p50 | p97.5 | p99 | non-2xx | CPU per request (server + PostgreSQL + load generator) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...run.saves.map((measured, index) => row('autosave', index + 1, measured)),
    ...run.submits.map((measured, index) => row('submit', index + 1, measured)),
    '',
    `Revisions written by the measured saves, against saves answered: ${run.saves.map(({ result, written }, index) => `${servers(index + 1)}: ${rate(written)} of ${rate(result.ok)}`).join('; ')} (a save that changes nothing writes none; saves still running when autocannon stops are not answered but do write). Saves merged onto a later revision than their base (another save of the state was in flight): ${run.saves.map(({ result, merged }, index) => `${servers(index + 1)}: ${rate(merged)} of ${rate(result.ok)}`).join('; ')}.`,
    '',
    `Every request answered 2xx: ${[...run.saves, ...run.submits].every(({ result }) => allOk(result)) ? 'yes' : 'NO — see non-2xx'}.`,
    '',
    `The floor, measured right after on the same PostgreSQL server: \`pgbench -N -c ${CONNECTIONS} -j 2 -T ${PGBENCH_SECONDS}\` (a commit per transaction, as a save makes one) ${rate(run.floor)} tps; autosave reached ${run.saves.map(({ result }, index) => `${Math.round((100 * result.perSecond) / run.floor)}% of it with ${servers(index + 1)}`).join(', ')}.`,
    '',
    `Targets: ≥ ${TARGETS.saves} saves/s with p99 ≤ ${TARGETS.saveP99} ms — ${verdicts(run.saves, saveMet)}; ≥ ${TARGETS.submits} submits/s — ${verdicts(run.submits, submitMet)}.`,
    '',
    // The analysis behind these figures is prose written by hand, kept in its own section.
    "Where an autosave's time went, what was changed for it and what each change gained: [Responses: where an autosave's time went (history)](#responses-where-an-autosaves-time-went-history) below.",
  ].join('\n');
}
