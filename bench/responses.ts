import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { compileQuestionnaire, type JsonObject } from '../server/questionnaire/index.js';
import { createBenchDatabase } from './bench-database.js';
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
const WARM_UP_SECONDS = 3;
/** Submissions per run: at the 150/s target a run lasts 20 s. */
const SUBMITS = 3000;
const TARGETS = { saves: 800, saveP99: 150, submits: 150 };

/** Where an autosave's time goes, what was changed for it and what that gained, measured with a CPU profile. */
const SAVE_COST = [
  "Where an autosave's time went (a CPU profile of the server, `BENCH_CPU_PROF_DIR`, and the CPU time of each statement against a bench database, measured 2026-11-28): at first about 1.5 ms of server CPU and 2.0 ms of PostgreSQL CPU per save, plus 0.2 ms for autocannon — 354 saves/s; 800/s on 2 cores needs under 2.5 ms in all. A save made 9 statements (API token, version record, member state, BEGIN, version share lock, response row lock, revisions since the base, the write, COMMIT); each costs Node about 0.15–0.2 ms, above all the socket write, the largest single item of the profile, and PostgreSQL 0.1–0.3 ms of parsing and planning before any work. The 9 KB document was read whole under the lock and written twice, into the response and its revision row.",
  '',
  'Changed, in order, each measured with this benchmark (CPU per save: server + PostgreSQL; the rates moved with the load of other work on the machine, load average 2.5–9 during these runs):',
  '',
  '- The compiled questionnaire is cached per (survey, version) for the life of the process (a published version never changes), so a save reads no version row; the version share lock and the response row lock are one statement. 6 statements: no measurable change on its own (1.5 + 2.0 ms, 364/s).',
  '- A save\'s revision row holds its change (`set`/`unset` as applied) instead of the whole document; the full data is kept as a snapshot at the first revision, at every status change and every 50th revision, and `GET …/revisions/{n}` rebuilds revision n from the latest snapshot up to it (`server/responses/revision-snapshots.ts`; migration 006, older rows are all snapshots): 1.3 + 1.7 ms, 499/s.',
  '- The short way (`server/responses/save.ts`): a save of an existing response reads, without locks and in one statement, the version status, the response, the current values of the keys it touches and the revisions since its base that changed its questions; then one statement writes the change (PostgreSQL applies it: `(data || set) - unset`) and the revision row, only if the response is still at the revision read and its version open (under a share lock, so closing a version still waits for running saves). No transaction, no whole document through Node. A save that finds no response row, or finds it moved on at the write, takes the long way: the same decisions in a transaction holding the row lock. 3 statements (API token, read, write): 1.1 + 1.7 ms.',
  '- Every parameterised statement is a named prepared statement on a PostgreSQL server (`server/db/named-statements.ts`), so each connection plans it once — planning cost PostgreSQL more than running these short statements (about 0.6 ms a save) — and response data is compressed with lz4 rather than pglz (migration 007; PGlite, built without lz4, keeps pglz): 1.1–1.3 + 1.0–1.2 ms and 486–539/s over three runs while other work shared the machine.',
  '',
  "- The response document is kept compressed in its row (migration 008: `toast_tuple_target` 8160, storage MAIN) instead of in the TOAST table, where every save deleted the old chunks and inserted new ones with their index entries: about 0.2 ms of PostgreSQL and 0.2 ms of latency a save (732/s on a quiet machine). And the server keeps up to 20 PostgreSQL connections instead of 10: each save waits on its commit's WAL flush, so with 10, 32 concurrent saves queued for a connection while the CPU idled (817/s in the run after this change; consecutive runs on this virtual machine differ by 10–15%).",
  '',
  "- Session 3, on a faster host of the same kind (the code above measured 948, 1,062 and 956 saves/s with 1 server and 852, 959 and 881 with 2 — 1.6–1.8 ms per save against 2.2–2.3 before — so the figures before this line are not comparable with those after it): an editor saving on the revision the response is at now saves in one statement (`saveAtBase` in `server/responses/save-statements.ts`), which reads and, in that case, writes the change that differs from the current answers with its revision row, under the same conditions as before (still at that revision, open for changes, version open under a share lock); behind the current revision it decides in Node from what it read and writes with a second statement, as before. At the same time this benchmark's editors stopped sending baseRevision 0, which no editor does (the reply page sends the revision its last save was answered with, so a save at 0 read every later revision of its questions and could never be written at once): each now sends the latest revision its state's saves were answered with, behind the current one only while another save of the state is in flight (about a quarter of the saves, which merge). Measured in the same hour: the code before with these editors 749 and 837 saves/s (the machine shared with a test run), the one statement 1,249 and 1,315/s; and the one statement with editors still at 0, 937 and 863/s — the same as the code before, since such saves never write at once. CPU per save: 1.6–1.8 ms → 1.1–1.4 ms.",
  '',
  "Where a save's time goes now, about 1.3 ms of CPU in all (the CPU times above; the split inside each is from the profile of the earlier code, not taken again): in Node (about 0.6 ms) two statements (API token, the save) and the answer, whose socket writes were the largest item, then building queries with Kysely and `pg` reading rows; in PostgreSQL (about 0.7 ms) mostly the write — rewriting the compressed document and the revision row with its two foreign-key checks — and the commit's WAL flush, which adds latency more than CPU.",
  '',
  'The margin: 800 saves/s now needs about 55% of both cores, and four runs in a row (the recorded one the last) gave 1,091–1,271 saves/s with 1 server and 1,209–1,402 with 2, p99 70–85 ms. What would cut further: answers kept per question, so that a save writes 1–3 small rows instead of the whole document (a change to the data model); the API token read folded into the save (a cache of tokens is ruled out: revocation must take effect at once).',
];

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

    const postgres = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    const body = report({ loadAtStart, postgres, saves, submits });
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

function report(run: { loadAtStart: number; postgres: string; saves: readonly (Measured & { written: number; merged: number })[]; submits: readonly Measured[] }): string {
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
    `Targets: ≥ ${TARGETS.saves} saves/s with p99 ≤ ${TARGETS.saveP99} ms — ${verdicts(run.saves, saveMet)}; ≥ ${TARGETS.submits} submits/s — ${verdicts(run.submits, submitMet)}.`,
    '',
    ...SAVE_COST,
  ].join('\n');
}
