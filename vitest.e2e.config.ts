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
  },
});
