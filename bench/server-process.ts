import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The compiled server, as `npm start` runs it: benchmarks measure what production runs. */
export const SERVER_ENTRY = path.join(path.resolve(import.meta.dirname, '..'), 'dist', 'server', 'main.js');

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
 * Starts the built server on `port` and resolves once it listens. `env` adds to (and overrides)
 * this process's environment; `nodeArgs` go before the entry (e.g. `--cpu-prof`).
 */
export async function startBuiltServer(port: number, env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@example.org', ADMIN_PASSWORD: 'benchmark password', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      // The listener stays: it keeps draining stdout so that the child never blocks on a full pipe.
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('is running at')) resolve();
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop };
}
