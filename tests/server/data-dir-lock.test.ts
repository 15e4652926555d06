import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { DataDirLockedError, lockDataDir } from '../../server/db/data-dir-lock.js';
import { testDatabaseInfo } from '../helpers/build-test-app.js';
import { testConfig } from '../helpers/test-config.js';

const scratch = () => fs.mkdtempSync(path.join(testDatabaseInfo().scratchDir, 'lock-'));

describe('the embedded data directory lock', () => {
  const children: Array<ReturnType<typeof spawn>> = [];
  afterAll(() => children.forEach((c) => c.kill()));

  it('refuses a second claim while the first holds it, and frees the directory on release', () => {
    const dir = scratch();
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    first.release();
    lockDataDir(dir).release();
  });

  it('refuses a directory held by another live process, naming it and saying what to do', async () => {
    const dir = scratch();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(other);
    fs.writeFileSync(path.join(dir, 'server.lock'), `${other.pid}\n`);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by another process \\(pid ${other.pid}\\): is the server running\\? .*stop that process`));
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = scratch();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'server.lock'), `${dead.pid}\n`);
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(lock.file, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('stops a second app on the same embedded directory, and lets it start once the first closed', async () => {
    const dataDir = scratch();
    const config = testConfig({ kind: 'embedded', dataDir: path.join(dataDir, 'pg') }, dataDir);
    const first = await buildApp(config, { logger: false, importDefinitions: false });
    await expect(buildApp(config, { logger: false, importDefinitions: false })).rejects.toThrow(DataDirLockedError);
    const health = await first.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    await first.close();
    const second = await buildApp(config, { logger: false, importDefinitions: false });
    await second.close();
  });
});
