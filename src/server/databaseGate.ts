import type { RequestHandler } from 'express'

import {
  databaseIsDown,
  RETRY_AFTER_SECONDS,
  UNAVAILABLE_MESSAGE,
} from '../services/databaseHealth'

/**
 * While the database is known to be unavailable, API requests answer 503 at once instead of each
 * waiting for the driver to give up; the database is probed every second and requests flow again
 * as soon as it answers.
 */
export const refuseWhileDatabaseDown: RequestHandler = (_req, res, next) => {
  if (!databaseIsDown()) return next()
  res
    .set('Retry-After', String(RETRY_AFTER_SECONDS))
    .status(503)
    .json({ errors: [{ message: UNAVAILABLE_MESSAGE }] })
}
