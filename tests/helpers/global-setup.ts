import type { TestProject } from 'vitest/node';
import { buildApp } from '../../server/app.js';
import { createEmptyServerDatabase, dropRun, newRunInfo, templateDatabaseConfig, type TemplateInfo } from './test-database.js';
import { testConfig } from './test-config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TemplateInfo;
  }
}

/** Builds the migrated template once per run, with the real questionnaires imported. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const info = newRunInfo();
  if (info.engine === 'server') {
    await createEmptyServerDatabase(info.template);
  }
  const app = await buildApp(testConfig(templateDatabaseConfig(info), info.scratchDir), { logger: false });
  await app.close();
  project.provide('testDatabase', info);
  return () => dropRun(info);
}
