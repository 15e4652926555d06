import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The compiled server, as `npm start` runs it: benchmarks measure what production runs. */
export const SERVER_ENTRY = path.join(path.resolve(import.meta.dirname, '..'), 'dist', 'server', 'main.js');

/** A first start on an empty embedded directory migrates and imports the questionnaires: seconds, not a minute. */
const READY_WITHIN_MS = 60_000;
const POLL_EVERY_MS = 100;
const HEALTH_ANSWER_WITHIN_MS = 5_000;
const STDERR_TAIL_CHARS = 4_000;

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** SIGTERM, then waits for the graceful close (which also writes a `--cpu-prof` profile). */
  stop(): Promise<void>;
}

export function assertServerBuilt(): void {
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error('Build the server first: npm run build:server');
}

/**
 * Starts the built server on `port` and resolves once `GET /api/health` answers 200. `env` adds
 * to (and overrides) this process's environment; `nodeArgs` go before the entry (e.g. `--cpu-prof`).
 * The server's stderr is passed through; its stdout (the warn-level log) is not kept.
 */
export async function startBuiltServer(port: number, env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@example.org', ADMIN_PASSWORD: 'benchmark password', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderrTail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilHealthy(url, child, () => stderrTail);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

/** Polls the health route until it answers 200; fails at once when the process ends, and at the deadline. */
async function untilHealthy(url: string, child: ChildProcess, stderrTail: () => string): Promise<void> {
  const failure = (what: string) => {
    const tail = stderrTail().trim();
    return new Error(`The server at ${url} ${what}. ${tail ? `The end of its stderr:\n${tail}` : 'It wrote nothing to stderr.'}`);
  };
  // 'close' rather than 'exit': by then all of stderr has been read.
  let ended: string | undefined;
  child.once('close', (code, signal) => (ended = signal ?? `code ${code}`));
  const deadline = performance.now() + READY_WITHIN_MS;
  for (;;) {
    if (ended !== undefined) throw failure(`exited (${ended}) before it was ready`);
    const answer = await healthAnswer(url);
    if (answer === '200') return;
    if (performance.now() > deadline) throw failure(`did not answer GET /api/health with 200 within ${READY_WITHIN_MS / 1000} s (last answer: ${answer})`);
    await sleep(POLL_EVERY_MS);
  }
}

/** The status code, or why there was none (e.g. the connection refused before the server listens). */
async function healthAnswer(url: string): Promise<string> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(HEALTH_ANSWER_WITHIN_MS) });
    await response.body?.cancel();
    return String(response.status);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause instanceof Error ? cause.message : String(cause);
  }
}
