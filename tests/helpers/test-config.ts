import path from 'node:path';
import { loadConfig, type Config, type DatabaseConfig } from '../../server/config.js';

/** The configuration tests run with: the real loader, then the test database and quiet logs. */
export function testConfig(database: DatabaseConfig, dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    database,
    dataDir,
    clientDir: null,
    ...overrides,
  };
}

export const definitionsFixturesDir = (name: string) => path.resolve(import.meta.dirname, '..', 'fixtures', 'definitions', name);
