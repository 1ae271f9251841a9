import type { AfterErrorHook } from 'payload'

import { REQUEST_ID_HEADER } from '../server/requestId'

/**
 * An unexpected error (500) answers "Something went wrong." with the request's id — the id its log
 * line carries — and nothing else: no stack, no SQL, no error class. Refusals (4xx) are unchanged.
 */
export const attachRequestId: AfterErrorHook = ({ error, graphqlResult, req, result }) => {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? undefined
  if (graphqlResult) {
    if (graphqlResult.extensions?.statusCode !== 500) return
    return { graphqlResult: { ...graphqlResult, extensions: { statusCode: 500, requestId } } }
  }
  const status = (error as { status?: number }).status || 500
  if (status !== 500 || !result) return
  return { response: { errors: result.errors.map(({ message }) => ({ message, requestId })) } }
}
