import { responseCache } from '../../env'
import { ResponseCache } from './ResponseCache'

let cache: ResponseCache | null | undefined

/** This process's cache of anonymous API responses, or null when `CACHE=off`. */
export function publicResponses(): ResponseCache | null {
  if (cache === undefined) {
    const settings = responseCache()
    cache = settings.enabled ? new ResponseCache(settings.ttlMs, settings.maxBytes) : null
  }
  return cache
}

export type { CachedResponse } from './ResponseCache'
export { ResponseCache }
export { followPublicChanges, stampPublicChange } from './sharedChanges'
