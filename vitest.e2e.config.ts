import { defineConfig } from 'vitest/config'

/**
 * `npm run test:e2e`: the editorial workflow in a real browser (Debian's /usr/bin/chromium, driven
 * by playwright-core) against the real server, which tests/e2e/globalSetup.ts builds, seeds and
 * starts. One fork, one file at a time: the steps share one server and follow each other.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
})
