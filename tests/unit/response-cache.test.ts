import { describe, expect, it } from 'vitest'

import { ResponseCache, type CachedResponse } from '../../src/services/publicCache'

const response = (text: string): CachedResponse => ({
  status: 200,
  headers: [],
  body: Buffer.from(text),
  etag: `W/"${text}"`,
})

describe('ResponseCache', () => {
  it('returns what was stored until it is invalidated', () => {
    const cache = new ResponseCache(10_000, 1_000_000)
    expect(cache.set('/a', response('one'), cache.generation)).toBe(true)
    expect(cache.get('/a')?.body.toString()).toBe('one')
    cache.invalidate()
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.bytes).toBe(0)
  })

  it('refuses an answer computed before an invalidation, so a read that raced a write cannot store old content', () => {
    const cache = new ResponseCache(10_000, 1_000_000)
    const began = cache.generation
    cache.invalidate()
    expect(cache.set('/a', response('stale'), began)).toBe(false)
    expect(cache.get('/a')).toBeUndefined()
  })

  it('forgets an entry after its time to live', () => {
    const cache = new ResponseCache(5_000, 1_000_000)
    cache.set('/a', response('one'), cache.generation, 1_000)
    expect(cache.get('/a', 5_999)).toBeDefined()
    expect(cache.get('/a', 6_000)).toBeUndefined()
    expect(cache.bytes).toBe(0)
  })

  it('evicts the least recently used entries to stay within its size', () => {
    const body = 'x'.repeat(50)
    const cache = new ResponseCache(10_000, 1_100)
    for (const key of ['/a', '/b', '/c', '/d'])
      expect(cache.set(key, response(body), cache.generation)).toBe(true)
    cache.get('/a') // now more recent than /b
    cache.set('/e', response(body), cache.generation)
    expect(cache.bytes).toBeLessThanOrEqual(1_100)
    expect(cache.get('/b')).toBeUndefined()
    for (const key of ['/a', '/c', '/d', '/e']) expect(cache.get(key)).toBeDefined()
  })

  it('does not keep a single answer larger than a quarter of its size', () => {
    const cache = new ResponseCache(10_000, 2_000)
    expect(cache.set('/big', response('x'.repeat(600)), cache.generation)).toBe(false)
  })
})
