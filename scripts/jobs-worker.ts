/**
 * `npm run jobs:worker`: runs the jobs queue (scheduled publications, emails, webhooks) without
 * serving HTTP, for deployments whose web instances set JOBS_AUTORUN=false. The same runner as
 * the server's: a turn every few seconds, jobs of a dead runner handed back first.
 */
import { ConfigError, validateEnvironment } from '../src/env'

// Every bad variable in one line each, before the config and its database adapter are imported.
try {
  validateEnvironment()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  for (const line of error.message.split('\n')) console.error(`Jobs worker failed: ${line}`)
  process.exit(1)
}
const { startPayload } = await import('../src/server/startPayload')
const { JOBS_CRON } = await import('../src/jobs/config')

const payload = await startPayload({ cron: true })
payload.logger.info(`Jobs worker running the queue (${JOBS_CRON}).`)

const stop = async (signal: string) => {
  payload.logger.info(`${signal}: the jobs worker stops after the jobs in hand.`)
  await payload.destroy().catch(() => undefined)
  process.exit(0)
}
process.once('SIGTERM', () => void stop('SIGTERM'))
process.once('SIGINT', () => void stop('SIGINT'))
