/**
 * `npm run test:postgres`: the integration and HTTP suites on PostgreSQL. Starts a throwaway
 * server first (or uses POSTGRES_URL), so that a missing installation ends the run at once with one
 * sentence; each test file then works in a database of its own on it.
 */
import { startPostgres, type Postgres } from '../tests/helpers/postgres'
import { runIntegrationSuites } from './integrationSuites'

let postgres: Postgres
try {
  postgres = await startPostgres()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

runIntegrationSuites({ TEST_DB: 'postgres', POSTGRES_URL: postgres.url }, () => postgres.stop())
