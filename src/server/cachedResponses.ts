import type { RequestHandler } from 'express'

import type { ResponseCache } from '../services/publicCache'
import { etagMatches, hasCredentials } from './httpCaching'

/** What a missed request needs to store its answer: the key, and the cache generation it began in. */
export type CacheTicket = { key: string; generation: number }

/**
 * Answers anonymous API reads from the response cache without reaching Payload: the stored body,
 * or a 304 when the client already has it. A miss leaves a ticket (res.locals.cacheTicket) for the
 * handler to store the answer under. Requests with credentials never read or fill the cache, so
 * nothing crosses from a signed-in user to anyone else.
 */
export const serveCachedResponses =
  (cache: ResponseCache): RequestHandler =>
  (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || hasCredentials(req.headers.authorization, req.headers.cookie)) {
      return next()
    }
    // CORS headers depend on the Origin, so it is part of the key.
    const key = `${req.originalUrl} ${req.headers.origin ?? ''}`
    const hit = cache.get(key)
    if (!hit) {
      if (req.method === 'GET') res.locals.cacheTicket = { key, generation: cache.generation } satisfies CacheTicket
      res.setHeader('X-Cache', 'MISS')
      return next()
    }
    res.setHeader('X-Cache', 'HIT')
    for (const [name, value] of hit.headers) res.setHeader(name, value)
    if (etagMatches(req.headers['if-none-match'], hit.etag)) {
      res.removeHeader('content-length')
      return void res.status(304).end()
    }
    res.status(hit.status).end(req.method === 'HEAD' ? undefined : hit.body)
  }
