import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Browser, BrowserContext } from 'playwright-core';
import { processExit } from './processes.js';
import type { RunningServer } from './server.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** The demo's accounts (server/demo/accounts.ts), all with its one password. */
export const DEMO_PASSWORD = 'baltic-sea-2009';
export const DEMO = {
  admin: 'admin@demo.example',
  consultant: 'consultant@demo.example',
  analyst: 'analyst@demo.example',
  delegate: (state: string) => `delegate.${state.toLowerCase()}@demo.example`,
} as const;

/**
 * The production build started as `npm run demo` starts it — `--demo` on a fresh embedded
 * database — so that every page shows the demo's replies, comments and rounds. Filling the
 * database takes the server some seconds before it listens.
 */
export async function startDemoServer(port: number): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client', 'index.html')) || !fs.existsSync(path.join(ROOT, 'dist', 'server', 'main.js'))) {
    throw new Error('Build first: npm run build');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncs-e2e-demo-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server', 'main.js'), '--demo'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo server did not start within 110 s')), 110_000);
    child.once('exit', (code, signal) => reject(new Error(`the demo server exited with ${code ?? signal}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  // Said at once when the server goes away before the tests are done: every later failure follows from it.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`The demo server stopped unexpectedly (${code ?? signal}).`);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      stopping = true;
      child.kill('SIGTERM');
      await processExit(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser context signed in (through the API) as a demo account. */
export async function demoContext(browser: Browser, url: string, email: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const signIn = await context.request.post(`${url}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  if (!signIn.ok()) throw new Error(`sign-in of ${email} failed: ${signIn.status()}`);
  return context;
}

