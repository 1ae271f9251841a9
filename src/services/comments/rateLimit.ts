import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { commentRateLimit } from '../../env'
import { limitPerClientIp } from '../../server/rateLimit'
import { counters } from '../counters'

/** At most COMMENT_RATE_LIMIT comment posts per client IP and window, refused or not; then 429. */
export function commentPostLimiter(payload: Payload): RequestHandler {
  const { limit, windowSeconds } = commentRateLimit()
  return limitPerClientIp(
    { limit, windowSeconds },
    (retryAfter) =>
      `Too many comments from your address: at most ${limit} every ${windowSeconds} s. Try again in ${retryAfter} s.`,
    { counters: counters(payload), name: 'comments' },
  )
}
