/** A small seeded PRNG, so that a seed of the same size always builds the same newsroom. */
export type Random = {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
  /** `count` distinct items (fewer if there are not that many). */
  sample<T>(items: readonly T[], count: number): T[]
}

/** mulberry32: fast, 32-bit state, good enough for synthetic content. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    sample(items, count) {
      if (count >= items.length) return [...items]
      const chosen = new Set<number>()
      while (chosen.size < count) chosen.add(Math.floor(next() * items.length))
      return [...chosen].map((index) => items[index])
    },
  }
}

/** One of `options`, each with its probability (the weights add up to 1). */
export function weighted<T>(random: Random, options: readonly [T, number][]): T {
  let roll = random.next()
  for (const [value, weight] of options) {
    if (roll < weight) return value
    roll -= weight
  }
  return options[options.length - 1][0]
}
