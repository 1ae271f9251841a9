import type { RequestHandler } from 'express'
import { rateLimit, type Options, type Store } from 'express-rate-limit'

import type { RateLimit } from '../env'
import type { Counters } from '../services/counters'

/**
 * At most `limit` requests per client IP (express req.ip: the socket's peer, or the client named in
 * X-Forwarded-For by the proxies TRUST_PROXY trusts) per window, answered or refused alike; then
 * 429 JSON with Retry-After and RateLimit headers. Counted in the shared `counters` under `name`
 * when there are several instances, so they count a client together; else in this limiter's memory.
 */
export function limitPerClientIp(
  { limit, windowSeconds }: RateLimit,
  refusal: (retryAfterSeconds: string) => string,
  counts: { counters: Counters; name: string },
): RequestHandler {
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: counts.counters.shared
      ? new CountersStore(counts.counters, `rate:${counts.name}:`)
      : undefined,
    // A database that cannot count answers the request itself (503); a limit must not turn it into a 500.
    passOnStoreError: true,
    handler: (_req, res) => {
      const retryAfter = String(res.getHeader('Retry-After') ?? windowSeconds)
      res.status(429).json({ errors: [{ message: refusal(retryAfter) }] })
    },
  })
}

const PRUNE_EVERY_MS = 60_000

/** express-rate-limit's store on the shared counters; ended windows are deleted once a minute. */
class CountersStore implements Store {
  localKeys = false
  #windowMs = 60_000
  #nextPrune = 0

  constructor(
    readonly counters: Counters,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.#windowMs = options.windowMs
  }

  async get(key: string) {
    const count = await this.counters.read(this.prefix + key)
    return count && { totalHits: count.count, resetTime: count.resetAt }
  }

  async increment(key: string) {
    const now = Date.now()
    if (now >= this.#nextPrune) {
      this.#nextPrune = now + PRUNE_EVERY_MS
      this.counters.prune(new Date(now)).catch(() => undefined)
    }
    const count = await this.counters.increment(this.prefix + key, this.#windowMs)
    return { totalHits: count.count, resetTime: count.resetAt }
  }

  async decrement(key: string) {
    await this.counters.decrement(this.prefix + key)
  }

  async resetKey(key: string) {
    await this.counters.reset(this.prefix + key)
  }
}
