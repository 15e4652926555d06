import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine, writeSection } from './report.js';
import { assertServerBuilt, startBuiltServer } from './server-process.js';

/**
 * Time from process start to listening, on the embedded engine: the first start on an empty
 * data directory (creates the database, migrates, imports the questionnaires) and warm starts.
 * Runs the compiled server (`npm run build:server` first), as `npm start` does.
 */
const WARM_RUNS = 5;

async function timeStart(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const server = await startBuiltServer(port, { DATA_DIR: dataDir });
  const elapsed = performance.now() - started;
  await server.stop();
  return elapsed;
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
    const body = [
      `Command: \`npm run build:server && npm run bench -- startup\` · ${machine()}`,
      '',
      '| start | time to listening |',
      '|---|---|',
      `| first start, empty data directory (creates the embedded database, migrates, imports v1 and v2) | ${(first / 1000).toFixed(2)} s |`,
      `| warm start, median of ${WARM_RUNS} (min ${(warm[0]! / 1000).toFixed(2)} s, max ${(warm[warm.length - 1]! / 1000).toFixed(2)} s) | ${(median / 1000).toFixed(2)} s |`,
      '',
      `Target: warm start under 3 s — ${median < 3000 ? 'met' : 'NOT met'}.`,
    ].join('\n');
    writeSection('Start-up (embedded engine)', body);
    console.log(body);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
