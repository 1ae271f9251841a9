import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

import type { RequestHandler } from 'express'

export const REQUEST_ID_HEADER = 'x-request-id'

/** An id from a proxy is kept only when it cannot forge a log line or a header: 1–100 of [A-Za-z0-9_.:-]. */
const SAFE_REQUEST_ID = /^[\w.:-]{1,100}$/

const context = new AsyncLocalStorage<{ requestId: string }>()

/** The id of the request being handled, if any. */
export const currentRequestId = (): string | undefined => context.getStore()?.requestId

/**
 * Gives every request an id (the caller's X-Request-Id when safe, else a new UUID): echoed in the
 * X-Request-Id response header, passed on to Payload as that request header, and stamped on every
 * log line written while the request is handled (see requestLogFields), so the id a user reports
 * from an error leads to its log lines.
 */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.get(REQUEST_ID_HEADER)
  const requestId = given && SAFE_REQUEST_ID.test(given) ? given : randomUUID()
  req.headers[REQUEST_ID_HEADER] = requestId
  res.setHeader('X-Request-Id', requestId)
  context.run({ requestId }, next)
}

/** pino `mixin`: adds `requestId` to log lines written during a request. */
export const requestLogFields = (): { requestId?: string } => {
  const requestId = currentRequestId()
  return requestId ? { requestId } : {}
}
