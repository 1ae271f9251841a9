import { describe, expect, it } from 'vitest'

import { checkSlug, SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from '../../src/lib/slugify'

const TITLES: [string, string][] = [
  // Latin titles get the slugs they always got.
  ['Hello World', 'hello-world'],
  ['  Élan & Co. — 2024  ', 'elan-co-2024'],
  ['Reuters: "Markets fall"', 'reuters-markets-fall'],
  ['Ünïcödé façade', 'unicode-facade'],
  ['Zoë Ångström', 'zoe-angstrom'],
  ['Why Rates Rise: A Primer!', 'why-rates-rise-a-primer'],
  ['iPhone sales slow', 'iphone-sales-slow'],
  ['Q&A: I ♥ NY', 'q-a-i-ny'],
  // Letters the old code lost (no combining mark to strip) and other scripts.
  ['Łódź mayor resigns', 'lodz-mayor-resigns'],
  ['Straße', 'strasse'],
  ['Ærø and Øresund', 'aero-and-oresund'],
  ['Œuvre complète', 'oeuvre-complete'],
  ['Ça coûte cher à l’été', 'ca-coute-cher-a-l-ete'],
  ['Dvořák in İstanbul', 'dvorak-in-istanbul'],
  ['Việt Nam', 'viet-nam'],
  ['Москва сегодня', 'moskva-segodnya'],
  ['Київ', 'kiyiv'],
  ['Αθήνα σήμερα', 'athina-simera'],
  // The library drops the apostrophe of a possessive (the old code made conway-s-law).
  ["Conway's Law", 'conways-law'],
  // Nothing with a Latin spelling: empty, and the slug field asks for a slug (see checkSlug).
  ['---', ''],
  ['東京タワー', ''],
  ['한국어 뉴스', ''],
  ['🚀🔥', ''],
  ['🦄', ''],
  // Mixed: the parts that have a spelling.
  ['2024 東京 Olympics', '2024-olympics'],
]

describe('slugify', () => {
  it.each(TITLES)('turns %j into %j', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('makes only slugs that the slug pattern accepts', () => {
    for (const [input] of TITLES) {
      const slug = slugify(input)
      expect({ input, valid: slug === '' || SLUG_PATTERN.test(slug) }).toEqual({
        input,
        valid: true,
      })
    }
  })

  it('leaves a slug as it is, so saving a document again never changes its slug', () => {
    const slugs = [
      ...TITLES.map(([, slug]) => slug).filter(Boolean),
      'rates-primer',
      'weekly-roundup-2',
      'a1-b2-c3',
      'x',
    ]
    for (const slug of slugs) expect(slugify(slug)).toBe(slug)
  })

  it.each([
    ['a long Latin title', 'a very long title '.repeat(20), 'a-very-long-title'],
    ['a long Cyrillic one, longer once spelt in Latin', 'Щедрый '.repeat(20), 'schedriy'],
  ])(
    `cuts %s to at most ${SLUG_MAX_LENGTH} characters, never ending on a hyphen`,
    (_, input, word) => {
      const slug = slugify(input)
      expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
      expect(slug.length).toBeGreaterThan(SLUG_MAX_LENGTH - word.length - 2)
      expect(slug.startsWith(`${word}-${word}-`)).toBe(true)
      expect(SLUG_PATTERN.test(slug)).toBe(true)
    },
  )
})

describe('checkSlug', () => {
  it.each<[string, unknown, unknown, true | string]>([
    ['a slug', 'rates-primer', 'Why Rates Rise', true],
    ['a slug as typed in the admin form', 'Rates Primer', 'Why Rates Rise', true],
    ['no slug, a title to derive it from', '', 'Москва сегодня', true],
    ['no slug, a name to derive it from', undefined, 'Zoë Ångström', true],
    [
      'a slug with nothing to spell',
      '🚀',
      'Launch',
      'The slug "🚀" has no letters or digits with a Latin spelling; use lowercase letters, digits and hyphens.',
    ],
    [
      'no slug and a title with nothing to spell',
      null,
      ' 東京タワー ',
      'No slug can be made from the title "東京タワー": it has no letters or digits with a Latin spelling (as in Chinese, Japanese, Korean or emoji); enter a slug.',
    ],
    ['no slug, no title', '', '  ', 'A slug is required (or a title to derive it from).'],
  ])('answers %s', (_, slug, source, expected) => {
    expect(checkSlug(slug, 'title', source)).toBe(expected)
  })
})
