import { createHash } from 'node:crypto'

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=300'
export const PRIVATE_CACHE = 'private, no-store'

const isSignedIn = (request: Request) =>
  request.headers.has('authorization') || /(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')

/**
 * HTTP caching of API reads. A successful anonymous JSON read (all it can contain is published
 * content) may be cached by browsers and CDNs for a minute and carries an ETag, so a revalidation
 * costs a 304 and no body. Anything read with credentials is private and never stored.
 */
export async function withHttpCaching(request: Request, response: Response): Promise<Response> {
  // A handler that chose its own policy (draft preview: private, no-store) keeps it.
  if ((request.method !== 'GET' && request.method !== 'HEAD') || response.headers.has('cache-control')) return response
  const headers = new Headers(response.headers)
  headers.append('Vary', 'Authorization, Cookie, Origin')
  const json = headers.get('content-type')?.includes('application/json')
  if (isSignedIn(request) || response.status !== 200 || !json) {
    if (json || isSignedIn(request)) headers.set('Cache-Control', PRIVATE_CACHE)
    return new Response(response.body, { status: response.status, headers })
  }
  const body = Buffer.from(await response.arrayBuffer())
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`
  headers.set('Cache-Control', PUBLIC_CACHE)
  headers.set('ETag', etag)
  const known = request.headers
    .get('if-none-match')
    ?.split(',')
    .map((tag) => tag.trim())
  if (known?.includes(etag) || known?.includes('*')) {
    headers.delete('content-length')
    return new Response(null, { status: 304, headers })
  }
  headers.set('content-length', String(body.length))
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
}
