import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, projectRoot } from '../../server/config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('has working defaults: embedded database in ./data, port 3000 on loopback', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'embedded', dataDir: path.join(projectRoot, 'data', 'pg') });
    expect(config.firstAdmin).toBeNull();
    expect(config.publicUrl).toBeNull();
    expect(config.logLevel).toBe('info');
  });

  it('sheds load past one second of event-loop delay unless MAX_EVENT_LOOP_DELAY_MS says otherwise', () => {
    expect(loadConfig({}).overload).toEqual({ maxEventLoopDelayMs: 1000, sampleIntervalMs: 1000 });
    expect(loadConfig({ MAX_EVENT_LOOP_DELAY_MS: '250' }).overload.maxEventLoopDelayMs).toBe(250);
    for (const bad of ['fast', '-5', '2.5', '3']) {
      expect(problemsOf({ MAX_EVENT_LOOP_DELAY_MS: bad })).toEqual([`MAX_EVENT_LOOP_DELAY_MS must be a whole number of milliseconds, 10 or more (got "${bad}")`]);
    }
  });

  it('uses the PostgreSQL server named by DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db:5432/survey' });
    expect(config.database).toEqual({ kind: 'server', url: 'postgres://app@db:5432/survey' });
  });

  it('reads every variable of the contract', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/ncs',
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'a long enough password',
      PUBLIC_URL: 'https://survey.example.org',
      LOG_LEVEL: 'WARN',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/ncs', logLevel: 'warn' });
    expect(config.database).toEqual({ kind: 'embedded', dataDir: '/var/lib/ncs/pg' });
    expect(config.firstAdmin).toEqual({ email: 'admin@example.org', password: 'a long enough password' });
    expect(config.publicUrl?.href).toBe('https://survey.example.org/');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://user@host:notaport/db' }, 'DATABASE_URL'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ ADMIN_PASSWORD: 'long enough password' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ PUBLIC_URL: 'survey.example.org' }, 'PUBLIC_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(variable);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'y', PUBLIC_URL: 'z' })).toHaveLength(3);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }).database.kind).toBe('embedded');
  });
});
