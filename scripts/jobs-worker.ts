/**
 * `npm run jobs:worker`: runs the jobs queue (scheduled publications, emails, webhooks) without
 * serving HTTP, for deployments whose web instances set JOBS_AUTORUN=false. The same runner as
 * the server's: a turn every few seconds, jobs of a dead runner handed back first.
 */
import { startPayload } from '../src/server/startPayload'
import { JOBS_CRON } from '../src/jobs/config'

const payload = await startPayload({ cron: true })
payload.logger.info(`Jobs worker running the queue (${JOBS_CRON}).`)

const stop = async (signal: string) => {
  payload.logger.info(`${signal}: the jobs worker stops after the jobs in hand.`)
  await payload.destroy().catch(() => undefined)
  process.exit(0)
}
process.once('SIGTERM', () => void stop('SIGTERM'))
process.once('SIGINT', () => void stop('SIGINT'))
