/**
 * `npm run test:mongo`: the integration and HTTP suites on a MongoDB replica set. Starts the
 * replica set first, so that a missing mongod binary ends the run at once with one sentence.
 */
import { spawn } from 'node:child_process'

import { startMongo } from '../tests/helpers/mongo'

let mongo: Awaited<ReturnType<typeof startMongo>>
try {
  mongo = await startMongo()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

const vitest = spawn(
  'npx',
  ['vitest', 'run', 'tests/int', 'tests/http', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_DB: 'mongodb', MONGODB_URI: mongo.uri },
  },
)
vitest.on('exit', async (code) => {
  await mongo.stop()
  process.exit(code ?? 1)
})
