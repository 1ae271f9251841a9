import { defineConfig } from 'vitest/config'

import base from './vitest.config'

/** `npm run import:bench`: the 2,000-post import, with the suite's setup (a fresh temporary database). */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['tests/import/**/*.test.ts'], testTimeout: 600_000 },
})
