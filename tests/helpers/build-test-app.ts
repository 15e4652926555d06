import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp, type BuildOptions } from '../../server/app.js';
import type { Config } from '../../server/config.js';
import { cloneTemplate } from './test-database.js';
import { testConfig } from './test-config.js';

/**
 * The one way server tests get an app: a fresh database cloned from the migrated template
 * (which already holds the real questionnaires), talked to with `app.inject`.
 */
export async function buildTestApp(
  options: { config?: Partial<Config>; build?: BuildOptions } = {},
): Promise<FastifyInstance> {
  const info = inject('testDatabase');
  const database = await cloneTemplate(info);
  const config = testConfig(database, info.scratchDir, options.config);
  const app = await buildApp(config, { logger: false, migrate: false, importDefinitions: false, ...options.build });
  configs.set(app, config);
  return app;
}

const configs = new WeakMap<FastifyInstance, Config>();

/** The configuration a test app was built with, e.g. to start a second app on its database. */
export function configOf(app: FastifyInstance): Config {
  const config = configs.get(app);
  if (!config) throw new Error('not an app made by buildTestApp');
  return config;
}

export const testDatabaseInfo = () => inject('testDatabase');
