import { createHash } from 'node:crypto'

import type { Request as ExpressRequest, RequestHandler } from 'express'
import { Kind, parse } from 'graphql'

import type { CachedResponse, ResponseCache } from '../services/publicCache'
import { etagMatches, hasCredentials } from './httpCaching'

/** What a missed request needs to store its answer: the key, and the cache generation it began in. */
export type CacheTicket = { key: string; generation: number }

const GRAPHQL_PATH = '/api/graphql'

/**
 * The cache key of an anonymous read: the URL and the Origin (CORS headers depend on it); for a
 * GraphQL POST also a hash of its body. Undefined for anything else, and for any request with
 * credentials, so nothing crosses from a signed-in user to anyone else.
 */
function cacheKey(req: ExpressRequest): string | undefined {
  if (hasCredentials(req.headers.authorization, req.headers.cookie)) return undefined
  const origin = req.headers.origin ?? ''
  if (req.method === 'GET' || req.method === 'HEAD') return `${req.originalUrl} ${origin}`
  if (
    req.method === 'POST' &&
    req.originalUrl === GRAPHQL_PATH &&
    Buffer.isBuffer(req.body) &&
    req.body.length
  ) {
    return `POST ${GRAPHQL_PATH} ${origin} ${createHash('sha1').update(req.body).digest('base64url')}`
  }
  return undefined
}

/**
 * Answers anonymous API reads from the response cache without reaching Payload: the stored body,
 * or a 304 when the client already has it. A miss leaves a ticket (res.locals.cacheTicket) for the
 * handler to store the answer under.
 */
export const serveCachedResponses =
  (cache: ResponseCache): RequestHandler =>
  (req, res, next) => {
    const key = cacheKey(req)
    if (!key) return next()
    const hit = cache.get(key)
    if (!hit) {
      if (req.method !== 'HEAD')
        res.locals.cacheTicket = { key, generation: cache.generation } satisfies CacheTicket
      res.setHeader('X-Cache', 'MISS')
      return next()
    }
    res.setHeader('X-Cache', 'HIT')
    for (const [name, value] of hit.headers) res.setHeader(name, value)
    if (hit.etag && etagMatches(req.headers['if-none-match'], hit.etag)) {
      res.removeHeader('content-length')
      return void res.status(304).end()
    }
    res.status(hit.status).end(req.method === 'HEAD' ? undefined : hit.body)
  }

/** Whether a GraphQL request body holds only queries (a mutation is never answered from memory). */
function onlyQueries(body: unknown): boolean {
  try {
    const { query } = JSON.parse(String(body)) as { query?: unknown }
    if (typeof query !== 'string') return false
    return parse(query).definitions.every(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query',
    )
  } catch {
    return false
  }
}

/** Stores an anonymous GraphQL answer when it is a query that succeeded without errors. */
export async function keepGraphqlAnswer(
  requestBody: unknown,
  response: Response,
  store: (response: CachedResponse) => void,
): Promise<Response> {
  if (response.status !== 200 || response.headers.has('set-cookie') || !onlyQueries(requestBody))
    return response
  const body = Buffer.from(await response.arrayBuffer())
  try {
    if (!('errors' in JSON.parse(body.toString('utf8'))))
      store({ status: 200, headers: [...response.headers], body, etag: '' })
  } catch {
    // Not JSON: not kept.
  }
  return new Response(body, { status: response.status, headers: response.headers })
}
