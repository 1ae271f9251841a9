import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { REQUEST_ID_HEADER } from './requestId'

/** Paths whose last segment is a secret: a draft preview link, an email verification or password reset. */
const TOKEN_PATHS = [
  /^(\/api\/preview\/)[^/]+/,
  /^(\/api\/[^/]+\/verify\/)[^/]+/,
  /^(\/admin\/reset\/)[^/]+/,
  /^(\/admin\/[^/]+\/verify\/)[^/]+/,
]

/**
 * The path as it may be logged: without the query string (it can carry tokens, and a frontend's
 * filters are not the operator's business) and with a token in the path replaced by "[token]".
 */
export function loggedPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0]
  return TOKEN_PATHS.reduce((safe, pattern) => safe.replace(pattern, '$1[token]'), path)
}

/**
 * One info line per request when its response is finished (or the client left first): request id,
 * method, path, status and milliseconds. Written at `info`, so LOG_LEVEL=warn silences it.
 */
export const accessLog =
  (logger: Pick<Payload['logger'], 'info'>): RequestHandler =>
  (req, res, next) => {
    const started = performance.now()
    const write = (aborted: boolean) => {
      const requestId = String(res.getHeader(REQUEST_ID_HEADER) ?? '')
      const path = loggedPath(req.originalUrl)
      const status = aborted && !res.headersSent ? null : res.statusCode
      const ms = Math.round((performance.now() - started) * 10) / 10
      const msg = `${req.method} ${path} ${status ?? 'aborted'} ${ms} ms`
      logger.info({
        requestId,
        method: req.method,
        path,
        status,
        ms,
        ...(aborted ? { aborted } : {}),
        msg,
      })
    }
    res.once('finish', () => write(false))
    res.once('close', () => {
      if (!res.writableFinished) write(true)
    })
    next()
  }
