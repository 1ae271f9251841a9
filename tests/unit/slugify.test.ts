import { describe, expect, it } from 'vitest'

import { SLUG_PATTERN, slugify } from '../../src/lib/slugify'

describe('slugify', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['  Élan & Co. — 2024  ', 'elan-co-2024'],
    ['Reuters: "Markets fall"', 'reuters-markets-fall'],
    ['---', ''],
    ['Ünïcödé façade', 'unicode-facade'],
  ])('turns %j into %j', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('produces slugs that the slug pattern accepts, at most 120 characters', () => {
    const slug = slugify('a very long title '.repeat(20))
    expect(slug.length).toBeLessThanOrEqual(120)
    expect(SLUG_PATTERN.test(slug)).toBe(true)
  })
})
