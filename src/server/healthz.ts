import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { database } from '../env'
import { probeDatabase } from '../services/databaseHealth'

/** Answers 200 only after the database has answered a query (within 2 s). */
export const healthz = (payload: Payload): RequestHandler => {
  const db = database().kind
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    if (await probeDatabase(payload)) return void res.json({ status: 'ok', db })
    res.status(503).json({ status: 'unavailable', db, error: 'The database did not answer.' })
  }
}
