/**
 * `npm run test:postgres`: the integration and HTTP suites on PostgreSQL. Starts a throwaway
 * server first (or uses POSTGRES_URL), so that a missing installation ends the run at once with one
 * sentence; each test file then works in a database of its own on it.
 */
import { spawn } from 'node:child_process'

import { startPostgres, type Postgres } from '../tests/helpers/postgres'

let postgres: Postgres
try {
  postgres = await startPostgres()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

const vitest = spawn(
  'npx',
  ['vitest', 'run', 'tests/int', 'tests/http', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_DB: 'postgres', POSTGRES_URL: postgres.url },
  },
)
const stop = async (code: number) => {
  await postgres.stop().catch((error) => console.error(`Stopping PostgreSQL: ${error.message}`))
  process.exit(code)
}
vitest.on('exit', (code) => void stop(code ?? 1))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => vitest.kill(signal))
