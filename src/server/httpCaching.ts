import { createHash } from 'node:crypto'

import type { Response as ExpressResponse } from 'express'
import { headersWithCors, type Payload, type PayloadRequest } from 'payload'

import type { CachedResponse } from '../services/publicCache'

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=300'
export const PRIVATE_CACHE = 'private, no-store'

/** Whether a request carries credentials: an Authorization header or Payload's session cookie. */
export const hasCredentials = (
  authorization: string | null | undefined,
  cookie: string | null | undefined,
): boolean => Boolean(authorization) || /(?:^|;\s*)payload-token=/.test(cookie ?? '')

const isSignedIn = (request: Request) =>
  hasCredentials(request.headers.get('authorization'), request.headers.get('cookie'))

/** Payload's CORS headers added to an answer express makes itself, without a PayloadRequest. */
export const withCors = (payload: Payload, origin: string | undefined, headers: Headers): Headers =>
  headersWithCors({
    headers,
    req: { payload, headers: new Headers(origin ? { Origin: origin } : {}) } as PayloadRequest,
  })

/** Writes an answer express makes itself (status, headers, body) to the response. */
export function send(
  res: ExpressResponse,
  { status, headers, body }: { status: number; headers: Headers; body: Buffer | null },
): void {
  res.status(status)
  for (const [name, value] of headers) res.setHeader(name, value)
  res.end(body ?? undefined)
}

/** Whether an If-None-Match header names this ETag (or `*`). */
export const etagMatches = (ifNoneMatch: string | null | undefined, etag: string): boolean =>
  Boolean(ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*'))

/**
 * HTTP caching of API reads. A successful anonymous JSON read (all it can contain is published
 * content) may be cached by browsers and CDNs for a minute and carries an ETag, so a revalidation
 * costs a 304 and no body. Anything read with credentials is private and never stored.
 */
export async function withHttpCaching(
  request: Request,
  response: Response,
  /** Keeps the anonymous 200 answer for the response cache. */
  store?: (response: CachedResponse) => void,
): Promise<Response> {
  // A handler that chose its own policy (draft preview: private, no-store) keeps it.
  if (
    (request.method !== 'GET' && request.method !== 'HEAD') ||
    response.headers.has('cache-control')
  )
    return response
  const headers = new Headers(response.headers)
  headers.append('Vary', 'Authorization, Cookie, Origin')
  const json = headers.get('content-type')?.includes('application/json')
  if (isSignedIn(request) || response.status !== 200 || !json) {
    if (json || isSignedIn(request)) headers.set('Cache-Control', PRIVATE_CACHE)
    return new Response(response.body, { status: response.status, headers })
  }
  const answer = jsonAnswer(Buffer.from(await response.arrayBuffer()), headers, {
    ifNoneMatch: request.headers.get('if-none-match'),
    store,
  })
  return new Response(request.method === 'HEAD' ? null : answer.body, answer)
}

/**
 * An anonymous 200 JSON answer made cacheable: public Cache-Control, an ETag of the body (kept
 * for the response cache by `store`), and a 304 without a body when the client already has it.
 */
export function jsonAnswer(
  body: Buffer<ArrayBuffer>,
  headers: Headers,
  {
    ifNoneMatch,
    store,
  }: { ifNoneMatch: string | null | undefined; store?: (response: CachedResponse) => void },
): { status: 200 | 304; headers: Headers; body: Buffer<ArrayBuffer> | null } {
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`
  headers.set('Cache-Control', PUBLIC_CACHE)
  headers.set('ETag', etag)
  headers.set('content-length', String(body.length))
  if (store && !headers.has('set-cookie')) store({ status: 200, headers: [...headers], body, etag })
  if (etagMatches(ifNoneMatch, etag)) {
    headers.delete('content-length')
    return { status: 304, headers, body: null }
  }
  return { status: 200, headers, body }
}
