import type { RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'

import { commentRateLimit } from '../../env'

/**
 * Per client IP (express req.ip; see TRUST_PROXY), at most COMMENT_RATE_LIMIT comment posts per
 * window, refused or not; then 429 JSON with Retry-After. In memory: one count per process.
 */
export function commentPostLimiter(): RequestHandler {
  const { limit, windowSeconds } = commentRateLimit()
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      const retryAfter = res.getHeader('Retry-After') ?? windowSeconds
      res.status(429).json({
        errors: [
          { message: `Too many comments from your address: at most ${limit} every ${windowSeconds} s. Try again in ${retryAfter} s.` },
        ],
      })
    },
  })
}
