import { defineConfig } from 'vitest/config'

/**
 * `npm run test:cluster`: three production instances and a jobs worker on a throwaway PostgreSQL
 * (tests/cluster). One file, its tests in order: they share the cluster.
 */
export default defineConfig({
  resolve: { conditions: ['production'] },
  test: {
    environment: 'node',
    include: ['tests/cluster/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
})
