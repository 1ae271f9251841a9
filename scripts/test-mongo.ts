/**
 * `npm run test:mongo`: the integration and HTTP suites on a MongoDB replica set. Starts the
 * replica set first, so that a missing mongod binary ends the run at once with one sentence.
 */
import { startMongo } from '../tests/helpers/mongo'
import { runIntegrationSuites } from './integrationSuites'

let mongo: Awaited<ReturnType<typeof startMongo>>
try {
  mongo = await startMongo()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

runIntegrationSuites({ TEST_DB: 'mongodb', MONGODB_URI: mongo.uri }, () => mongo.stop())
