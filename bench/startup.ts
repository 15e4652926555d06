import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine, writeSection } from './report.js';
import { assertServerBuilt, startBuiltServer } from './server-process.js';

/**
 * Time from process start to listening, on the embedded engine: the first start on an empty
 * data directory (creates the database, migrates, imports the questionnaires) and warm starts.
 * Runs the compiled server (`npm run build` first), as `npm start` does, and `npm start` itself.
 */
const WARM_RUNS = 5;

async function timeStart(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const server = await startBuiltServer(port, { DATA_DIR: dataDir });
  const elapsed = performance.now() - started;
  await server.stop();
  return elapsed;
}

/**
 * `npm start` as a person types it, with the build up to date: from the command to the health
 * route answering (npm itself, the check that nothing needs building, and the server's start).
 */
async function timeNpmStart(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start ended with ${child.exitCode} before answering`);
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((answer) => answer.ok, () => false);
      if (healthy) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    // npm, then node: the whole process group.
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

export async function runStartupBench(): Promise<void> {
  assertServerBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncs-bench-startup-'));
  try {
    const first = await timeStart(dataDir, 3901);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await timeStart(dataDir, 3902 + i));
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)]!;
    const npmStarts: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) npmStarts.push(await timeNpmStart(dataDir, 3910 + i));
    npmStarts.sort((a, b) => a - b);
    const npmMedian = npmStarts[Math.floor(npmStarts.length / 2)]!;
    const body = [
      `Command: \`npm run build && npm run bench -- startup\` · ${machine()}`,
      '',
      '| start | time to listening |',
      '|---|---|',
      `| first start, empty data directory (creates the embedded database, migrates, imports v1 and v2) | ${(first / 1000).toFixed(2)} s |`,
      `| warm start, median of ${WARM_RUNS} (min ${(warm[0]! / 1000).toFixed(2)} s, max ${(warm[warm.length - 1]! / 1000).toFixed(2)} s) | ${(median / 1000).toFixed(2)} s |`,
      `| warm \`npm start\` (build up to date), from the command to /api/health answering, median of ${WARM_RUNS} (min ${(npmStarts[0]! / 1000).toFixed(2)} s, max ${(npmStarts[npmStarts.length - 1]! / 1000).toFixed(2)} s) | ${(npmMedian / 1000).toFixed(2)} s |`,
      '',
      `Target: a warm \`npm start\` answering within 3 s — ${npmMedian < 3000 ? 'met' : 'NOT met'}.`,
    ].join('\n');
    writeSection('Start-up (embedded engine)', body);
    console.log(body);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
