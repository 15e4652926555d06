import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const ENTRY = path.join(ROOT, 'dist', 'server', 'main.js');

export const ADMIN = { email: 'e2e-admin@example.org', password: 'end to end admin password' };

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The production build on a fresh embedded database, as `npm start` runs it — except that load
 * shedding waits for 5 s of event-loop delay, not 1 s: on a 2-core CI machine running the other
 * suites' leftovers, a second without being scheduled is the machine, not this server.
 */
export async function startServer(port: number): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client', 'index.html')) || !fs.existsSync(ENTRY)) {
    throw new Error('Build first: npm run build');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncs-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', MAX_EVENT_LOOP_DELAY_MS: '5000', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
