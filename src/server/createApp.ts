import express, {
  type ErrorRequestHandler,
  type Express,
  type Response as ExpressResponse,
} from 'express'
import { handleEndpoints, type Payload } from 'payload'

import config from '../../payload.config'
import { isProduction, trustProxy } from '../env'
import { commentPostLimiter } from '../services/comments/rateLimit'
import { RETRY_AFTER_SECONDS } from '../services/databaseHealth'
import { publicResponses, type CachedResponse } from '../services/publicCache'
import { accessLog } from './accessLog'
import type { AdminUi } from './adminUi'
import { AUTH_PATHS, authRateLimiters } from './authRateLimit'
import { keepGraphqlAnswer, serveCachedResponses, type CacheTicket } from './cachedResponses'
import { refuseWhileDatabaseDown } from './databaseGate'
import { stampClientIp } from './clientIp'
import { fetchHandler } from './fetchHandler'
import { healthz } from './healthz'
import { readJsonBody, requireJsonObject } from './jsonBody'
import { publicGraphql } from './publicGraphql'
import { publicRoutes } from './publicRoutes'
import { assignRequestId } from './requestId'
import { securityHeaders } from './securityHeaders'
import { withHttpCaching } from './httpCaching'

/**
 * Payload's GraphQL handler, loaded at its first use: it brings Next's route modules with it, and
 * the public reads, answered before it, never need them.
 */
let graphqlRoutes: Promise<typeof import('@payloadcms/next/routes')> | undefined
const payloadGraphqlRoutes = () => (graphqlRoutes ??= import('@payloadcms/next/routes'))

export type AppOptions = {
  payload: Payload
  /** The admin UI (Next); tests of the API leave it out. */
  admin?: AdminUi
}

/**
 * express in front of Payload: the REST and GraphQL handlers are called directly (no Next
 * round-trip per API request); Next renders only the admin UI. Does not listen.
 */
export async function createApp({ payload, admin }: AppOptions): Promise<Express> {
  const app = express()
  // Query strings read as Payload reads them (qs): `?author[equals]=x` is an object, refused as one.
  app.set('query parser', 'extended')
  app.disable('x-powered-by')
  app.use(assignRequestId, accessLog(payload.logger), securityHeaders())
  app.set('trust proxy', trustProxy())
  app.use(stampClientIp)

  app.get('/healthz', healthz(payload))
  // Cheap refusals first: the comment and login rate limits, then the JSON body checks.
  app.post('/api/comments', commentPostLimiter(payload))
  const authLimits = authRateLimiters(payload)
  app.post(AUTH_PATHS, authLimits.rest)
  app.use(['/api', '/api/{*rest}'], readJsonBody, requireJsonObject)
  const cache = publicResponses()
  if (cache) app.use(['/api', '/api/{*rest}'], serveCachedResponses(cache))
  // Behind the cache: while the database is away, what is cached is still served.
  app.use(['/api', '/api/{*rest}'], refuseWhileDatabaseDown)
  /** Where a missed anonymous read stores its answer (see serveCachedResponses). */
  const storeFor = (res: ExpressResponse) => {
    const ticket = res.locals.cacheTicket as CacheTicket | undefined
    return cache && ticket
      ? (entry: CachedResponse) => cache.set(ticket.key, entry, ticket.generation)
      : undefined
  }

  app.use(publicRoutes(payload, storeFor))
  app.post(
    '/api/graphql',
    authLimits.graphql,
    publicGraphql(payload, storeFor),
    fetchHandler(async (request, res) => {
      const { GRAPHQL_POST } = await payloadGraphqlRoutes()
      const response = retryLater(await GRAPHQL_POST(config)(request))
      const store = storeFor(res)
      return store ? keepGraphqlAnswer(res.req.body, response, store) : response
    }),
  )
  if (!isProduction()) {
    app.get(
      '/api/graphql-playground',
      fetchHandler(async (request) =>
        (await payloadGraphqlRoutes()).GRAPHQL_PLAYGROUND_GET(config)(request),
      ),
    )
  }
  app.use(
    ['/api', '/api/{*rest}'],
    fetchHandler(async (request, res) =>
      withHttpCaching(
        request,
        retryLater(await handleEndpoints({ config, request })),
        storeFor(res),
      ),
    ),
  )

  if (admin) {
    app.get('/', (_req, res) => res.redirect(302, '/admin'))
    app.use(admin.handle)
  } else {
    app.use((req, res) =>
      res.status(404).json({ errors: [{ message: `Route not found "${req.path}"` }] }),
    )
  }

  app.use(jsonErrors(payload))
  return app
}

/** A 503 (the database is unavailable) says when to try again. */
function retryLater(response: Response): Response {
  if (response.status === 503 && !response.headers.has('retry-after'))
    response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  return response
}

/** Last resort: an error that escaped a handler is logged and answered as JSON, never a stack. */
const jsonErrors =
  (payload: Payload): ErrorRequestHandler =>
  (error, req, res, _next) => {
    const status =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 500
        ? error.status
        : 500
    if (status === 500)
      payload.logger.error({ err: error, msg: `${req.method} ${req.originalUrl} failed` })
    if (res.headersSent) return res.end()
    const body =
      status === 500
        ? { message: 'Something went wrong.', requestId: res.getHeader('X-Request-Id') }
        : { message: String(error.message) }
    res.status(status).json({ errors: [body] })
  }
