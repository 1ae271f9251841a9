import {
  Router,
  type Request as ExpressRequest,
  type RequestHandler,
  type Response as ExpressResponse,
} from 'express'
import { APIError, type Payload } from 'payload'

import { refuse } from '../lib/refuse'
import type { CachedResponse } from '../services/publicCache'
import { listQueryOf } from '../services/publicPages/query'
import { listPublicArticles, readPublicArticle } from '../services/publicPages/read'
import { hasCredentials, jsonAnswer, PRIVATE_CACHE, send, withCors } from './httpCaching'

type Store = ((response: CachedResponse) => void) | undefined

/**
 * The public REST reads, answered from the read model by express itself: they are the same for
 * everyone (no user, no locale, no draft), so they skip Payload's request set-up, which costs
 * more than the read. Always the public view, whoever asks.
 *
 * - GET /api/public/articles — a page of published articles, newest first, as a front page or an
 *   archive lists them: title, slug, standfirst, publication date, hero image and authors (name,
 *   slug). `?author=<slug>`, `?source=<slug>`, `?tag=<tag>` filter; `?limit=` (≤ 100) and `?page=`
 *   page.
 * - GET /api/public/articles/:slug — what an article page needs in one request: the published
 *   article with its authors, sources and media, and its approved comments threaded.
 */
export function publicRoutes(payload: Payload, storeFor: (res: ExpressResponse) => Store): Router {
  const answer =
    (read: (req: ExpressRequest) => Promise<string>): RequestHandler =>
    async (req, res) => {
      const headers = withCors(
        payload,
        req.headers.origin,
        new Headers({ 'Content-Type': 'application/json', Vary: 'Authorization, Cookie, Origin' }),
      )
      let json: string
      try {
        json = await read(req)
      } catch (error) {
        if (!(error instanceof APIError) || error.status >= 500) throw error
        headers.set('Cache-Control', PRIVATE_CACHE)
        return send(res, {
          status: error.status,
          headers,
          body: Buffer.from(JSON.stringify({ errors: [{ message: error.message }] })),
        })
      }
      const body = Buffer.from(json)
      if (hasCredentials(req.headers.authorization, req.headers.cookie)) {
        // The same public view, but never stored under a signed-in user's request.
        headers.set('Cache-Control', PRIVATE_CACHE)
        return send(res, { status: 200, headers, body })
      }
      send(
        res,
        jsonAnswer(body, headers, {
          ifNoneMatch: req.headers['if-none-match'],
          store: storeFor(res),
        }),
      )
    }

  const router = Router()
  router.get(
    '/api/public/articles',
    answer((req) => listPublicArticles(payload, listQueryOf(req.query as Record<string, unknown>))),
  )
  router.get(
    '/api/public/articles/:slug',
    answer(async (req) => {
      const slug = String(req.params.slug)
      const article = await readPublicArticle(payload, slug)
      if (article === null)
        throw refuse(404, `No published article with the slug ${JSON.stringify(slug)}.`)
      return article
    }),
  )
  return router
}
