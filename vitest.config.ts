import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Lexical's top-level await needs the ESM builds that these conditions select.
    conditions: ['production'],
  },
  test: {
    environment: 'node',
    include: ['tests/{unit,int,http}/**/*.test.ts'],
    // Each file starts its own Payload on its own fresh temporary database.
    pool: 'forks',
    setupFiles: ['tests/helpers/setupEnv.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
