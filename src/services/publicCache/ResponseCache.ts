export type CachedResponse = {
  status: number
  headers: Array<[string, string]>
  body: Buffer
  etag: string
}

type Entry = { response: CachedResponse; size: number; expires: number }

/**
 * Anonymous API responses kept in memory, least recently used first out, for at most `ttlMs`.
 * Every write that could change what the public reads calls `invalidate()`, which empties it and
 * starts a new generation. A response is stored only if no invalidation happened while it was
 * being computed (`set` takes the generation seen when the request began), so a read that raced
 * a write can never put the old content back.
 */
export class ResponseCache {
  #entries = new Map<string, Entry>()
  #bytes = 0
  #generation = 0

  constructor(
    readonly ttlMs: number,
    readonly maxBytes: number,
  ) {}

  get generation(): number {
    return this.#generation
  }

  get bytes(): number {
    return this.#bytes
  }

  get(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= now) {
      this.#remove(key, entry)
      return undefined
    }
    // A Map iterates in insertion order: re-inserting marks the entry most recently used.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.response
  }

  /** Stores the response unless the cache was invalidated since `generation`; says whether it did. */
  set(key: string, response: CachedResponse, generation: number, now = Date.now()): boolean {
    const size = key.length + response.body.length + 200
    if (generation !== this.#generation || size > this.maxBytes / 4) return false
    const previous = this.#entries.get(key)
    if (previous) this.#remove(key, previous)
    this.#entries.set(key, { response, size, expires: now + this.ttlMs })
    this.#bytes += size
    for (const [oldKey, oldEntry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#remove(oldKey, oldEntry)
    }
    return true
  }

  invalidate(): void {
    this.#generation++
    this.#entries.clear()
    this.#bytes = 0
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key)
    this.#bytes -= entry.size
  }
}
