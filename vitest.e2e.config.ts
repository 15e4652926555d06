import { defineConfig } from 'vitest/config';

// Browser tests: the production build served by the real server on a fresh embedded database,
// driven in Debian's Chromium through playwright-core. Run after `npm run build`.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A page waits for the server and for its scripts; 1 s (Vitest's default) is a busy 2-core
    // machine's ordinary delay, not a failure. A poll still ends as soon as its check holds.
    expect: { poll: { timeout: 15_000 } },
  },
});
