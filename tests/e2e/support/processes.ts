import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { expect } from 'vitest';

/**
 * The built server as separate processes against databases of the test's own, for the tests of
 * what happens across processes: several instances, a kill, a stop.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const POSTGRES = 'postgres://postgres@127.0.0.1:5432';

/** A statement on the shared server's `postgres` database: creating and dropping test databases. */
export async function asPostgresAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** dist/server/main.js on `port`, resolved once it says it is running. */
export function startServerProcess(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server', 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    child.once('exit', (code, signal) => reject(new Error(`server exited with ${code ?? signal}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
  });
}

export const processExit = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve({ code: child.exitCode, signal: child.signalCode }) : child.once('exit', (code, signal) => resolve({ code, signal })),
  );

/** Signs in over HTTP; calls as that person through `base` (or another instance's address). */
export async function signInOverHttp(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((value) => value.startsWith('ncs_session='))!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, url: string, body?: unknown, through = base) =>
    fetch(`${through}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}
