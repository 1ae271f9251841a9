import type { Payload } from 'payload'

import { counters } from '../counters'
import type { ResponseCache } from './ResponseCache'

/** The shared count of changes to what anonymous readers get (src/services/counters). */
const STAMP = 'public-changes'

/** How often each instance looks at the stamp: a change elsewhere empties its cache within this. */
export const FOLLOW_INTERVAL_MS = 250

/**
 * Records a committed change to what the public reads, for the other instances' response caches.
 * Outside any transaction: one row every such change writes, which a transaction would hold
 * locked until its commit. What a stamp cannot cover is bounded by CACHE_TTL instead: the change
 * of a process that died between its commit and its stamp, and pages rendered later by the jobs
 * runner (a change to something embedded in more pages than are rendered at once).
 */
export async function stampPublicChange(payload: Payload): Promise<void> {
  await counters(payload).increment(STAMP)
}

/**
 * Empties `cache` whenever another instance stamps a change: every FOLLOW_INTERVAL_MS it reads
 * the stamp, one indexed row. So no instance answers from before a change for longer than that
 * (plus one read), whichever instance made it. A read that fails (the database away) is skipped.
 */
export function followPublicChanges(payload: Payload, cache: ResponseCache): () => void {
  let seen: number | undefined
  let reading = false
  const timer = setInterval(async () => {
    if (reading) return
    reading = true
    try {
      const stamp = (await counters(payload).read(STAMP))?.count ?? 0
      if (seen !== undefined && stamp !== seen) cache.invalidate()
      seen = stamp
    } catch {
      // The database is away: what is cached stays until it is back or expires.
    } finally {
      reading = false
    }
  }, FOLLOW_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
