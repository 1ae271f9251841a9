import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { database } from '../env'
import { countFailedJobs } from '../jobs/failures'
import { probeDatabase } from '../services/databaseHealth'

/**
 * Answers 200 only after the database has answered a query (within 2 s), with the number of jobs
 * (emails, webhooks, scheduled publications) that failed for good, for monitoring to alert on:
 * they stay failed until an admin looks at them under Jobs.
 */
export const healthz = (payload: Payload): RequestHandler => {
  const db = database().kind
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    if (!(await probeDatabase(payload))) {
      return void res
        .status(503)
        .json({ status: 'unavailable', db, error: 'The database did not answer.' })
    }
    // A count that fails after the probe answered leaves the figure out rather than failing the check.
    const failed = await countFailedJobs(payload).catch(() => undefined)
    res.json({ status: 'ok', db, ...(failed === undefined ? {} : { jobs: { failed } }) })
  }
}
