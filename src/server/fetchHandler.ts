import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import type {
  Request as ExpressRequest,
  Response as ExpressResponse,
  RequestHandler,
} from 'express'

/**
 * Mounts a Fetch-style handler (Request → Response), as Payload's REST and GraphQL handlers are,
 * on express: the request body is streamed in, the response streamed out.
 */
export const fetchHandler =
  (handle: (request: Request, res: ExpressResponse) => Promise<Response>): RequestHandler =>
  async (req, res, next) => {
    try {
      const response = await handle(toFetchRequest(req), res)
      res.status(response.status)
      for (const [name, value] of response.headers) {
        if (name !== 'set-cookie') res.setHeader(name, value)
      }
      const cookies = response.headers.getSetCookie()
      if (cookies.length) res.setHeader('Set-Cookie', cookies)
      if (!response.body) return void res.end()
      // JSON answers are small and complete: one write. Anything else (media files) streams.
      if (response.headers.get('content-type')?.includes('json'))
        return void res.end(Buffer.from(await response.arrayBuffer()))
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        res,
      )
    } catch (error) {
      next(error)
    }
  }

function toFetchRequest(req: ExpressRequest): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v))
    else if (value !== undefined) headers.set(name, value)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  // originalUrl: express strips a mount path from req.url; the handlers route on the full path.
  return new Request(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`, {
    method: req.method,
    headers,
    // A JSON body was already read (and checked) by readJsonBody; anything else streams through.
    body: hasBody
      ? Buffer.isBuffer(req.body)
        ? req.body
        : (Readable.toWeb(req) as ReadableStream)
      : undefined,
    duplex: 'half',
  } as RequestInit)
}
