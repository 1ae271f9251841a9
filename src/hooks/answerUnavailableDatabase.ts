import type { AfterErrorHook } from 'payload'

import { noteDatabaseError, UNAVAILABLE_MESSAGE } from '../services/databaseHealth'

/** A request that could not reach the database answers 503 (try again), not 500 (our bug). */
export const answerUnavailableDatabase: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!noteDatabaseError(req.payload, error)) return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, extensions: { statusCode: 503 } } }
  return { status: 503, response: { errors: [{ message: UNAVAILABLE_MESSAGE }] } }
}
