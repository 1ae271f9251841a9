import type { AfterErrorHook } from 'payload'

export const WRITE_CONFLICT_MESSAGE =
  'Another change to this document was being saved at the same moment; try again.'

type DriverError = { code?: unknown; errorLabels?: unknown; cause?: unknown }

/**
 * Two writes of one document at once, from two instances, that the database could not put in
 * order: MongoDB's WriteConflict (code 112, a TransientTransactionError) for the second of two
 * transactions, PostgreSQL's deadlock or serialization failure (40P01, 40001). Nothing of the
 * refused write was kept (its transaction rolled back); the client may send it again.
 */
export function isWriteConflict(error: unknown): boolean {
  for (let e = error as DriverError | undefined, i = 0; e && typeof e === 'object' && i < 5; i++) {
    if (e.code === 112 || e.code === '40001' || e.code === '40P01') return true
    if (Array.isArray(e.errorLabels) && e.errorLabels.includes('TransientTransactionError'))
      return true
    e = e.cause as DriverError | undefined
  }
  return false
}

/** A write conflict answers 409 naming it, not 500. */
export const answerWriteConflicts: AfterErrorHook = ({ error, graphqlResult }) => {
  if (!isWriteConflict(error)) return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, extensions: { statusCode: 409 } } }
  return { status: 409, response: { errors: [{ message: WRITE_CONFLICT_MESSAGE }] } }
}
