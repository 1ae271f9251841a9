import type { RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'

import type { RateLimit } from '../env'

/**
 * At most `limit` requests per client IP (express req.ip: the socket's peer, or the client named in
 * X-Forwarded-For by the proxies TRUST_PROXY trusts) per window, answered or refused alike; then
 * 429 JSON with Retry-After and RateLimit headers. Counted in memory: one count per process.
 */
export function limitPerClientIp(
  { limit, windowSeconds }: RateLimit,
  refusal: (retryAfterSeconds: string) => string,
): RequestHandler {
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      const retryAfter = String(res.getHeader('Retry-After') ?? windowSeconds)
      res.status(429).json({ errors: [{ message: refusal(retryAfter) }] })
    },
  })
}
