import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Lexical's top-level await needs the ESM builds that these conditions select.
    conditions: ['production'],
    // One copy of graphql, as under Node: vite would pick graphql's ESM build for our code while
    // Payload and graphql-http load the CommonJS one, and errors of one are not errors of the other.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
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
