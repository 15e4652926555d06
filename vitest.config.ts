import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { CORE_ALIAS } from './vite.config.js';

// Two projects: the server suite runs in Node against a real database (embedded PGlite by
// default, the PostgreSQL server when TEST_DATABASE_URL is set); the client suite runs in jsdom.
// Files named *.server-only.test.ts test what only a PostgreSQL server has: they are part of the
// suite when TEST_DATABASE_URL is set, rather than reported as skipped on the embedded engine.
const onServer = Boolean(process.env.TEST_DATABASE_URL);

// Vitest's default is one worker per core but one, which on a 2-core machine runs the files one
// by one while the other core mostly waits with them — on the database server, on child
// processes, on timers. Two workers at least (measured: see the note in .ci/run).
const maxWorkers = Math.max(os.availableParallelism() - 1, 2);

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          exclude: onServer ? [] : ['tests/server/**/*.server-only.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: CORE_ALIAS },
        test: {
          name: 'client',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/client/setup.ts'],
        },
      },
    ],
  },
});
