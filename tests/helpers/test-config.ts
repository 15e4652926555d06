import path from 'node:path';
import { loadConfig, type Config, type DatabaseConfig } from '../../server/config.js';

/** The configuration tests run with: the real loader, then the test database and quiet logs. */
export function testConfig(database: DatabaseConfig, dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    database,
    dataDir,
    clientDir: null,
    // A test that blocks the loop on purpose (resilience/overload.test.ts) sets its own limit; the
    // others must not be turned away because a busy CI machine or a long embedded query lagged.
    // 0 turns the event-loop check off: any limit would not do, because under-pressure counts a
    // sample interval in which the process was not scheduled at all as an infinite delay, and
    // on a loaded machine that turned ordinary tests away with 503 SERVER_BUSY.
    overload: { maxEventLoopDelayMs: 0, sampleIntervalMs: 1000 },
    ...overrides,
  };
}

export const definitionsFixturesDir = (name: string) => path.resolve(import.meta.dirname, '..', 'fixtures', 'definitions', name);
