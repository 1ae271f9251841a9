import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { USERS } from '../collections/slugs'
import { database } from '../env'

const TIMEOUT_MS = 2000

/** Answers 200 only after the database has answered a query. */
export const healthz = (payload: Payload): RequestHandler => {
  const db = database().kind
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    try {
      await Promise.race([
        payload.count({ collection: USERS }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
      ])
      res.json({ status: 'ok', db })
    } catch (error) {
      // The driver's message can name files or SQL: it goes to the log, not to the caller.
      payload.logger.error({ err: error, msg: 'Health check: the database did not answer' })
      res.status(503).json({ status: 'unavailable', db, error: 'The database did not answer.' })
    }
  }
}
