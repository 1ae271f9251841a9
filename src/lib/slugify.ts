import librarySlugify from '@sindresorhus/slugify'

/** The longest slug: a longer one is cut there, and a hyphen it would end on dropped. */
export const SLUG_MAX_LENGTH = 120

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Where the library's defaults differ from the rule slugs were made by before it: it adds English
 * words (`&` → and, `♥` → love, `🦄` → unicorn) and spells ä ö ü the German way (ae, oe, ue). Here a
 * symbol separates words and a Latin letter just loses its mark (Ångström → angstrom), so a Latin
 * title gets the slug it got before (only a possessive's apostrophe is now dropped: conways-law);
 * what the old code lost (ł, ß, ø, Cyrillic, Greek, Arabic) is the library's to spell.
 */
const REPLACEMENTS: [string, string][] = [
  ['&', ' '],
  ['♥', ' '],
  ['🦄', ' '],
  ['ä', 'a'],
  ['Ä', 'A'],
  ['ö', 'o'],
  ['Ö', 'O'],
  ['ü', 'u'],
  ['Ü', 'U'],
]

/**
 * Lowercase kebab-case ASCII from text in any script that has a Latin spelling: "Łódź mayor
 * resigns" → "lodz-mayor-resigns", "Москва сегодня" → "moskva-segodnya". Empty when nothing has
 * one (Chinese, Japanese, Korean, emoji): the slug field then asks for a slug by hand.
 * Idempotent on a slug: saving a document again never changes the slug it has.
 */
export function slugify(text: string): string {
  // decamelize off: "iPhone" is one word (the library would make it i-phone).
  return librarySlugify(text, { decamelize: false, customReplacements: REPLACEMENTS })
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '')
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/**
 * The slug field's verdict: `true`, or what to do instead. Judged by what slugify makes of the
 * slug, or of `source` (the value of the field `from`, "title" or "name") when the slug is empty,
 * because the admin form validates what was typed ("Rates Primer", or nothing) while a save
 * validates what the field's hook made of it (rates-primer, or the title's slug): the same answer.
 */
export function checkSlug(slug: unknown, from: string, source: unknown): true | string {
  if (isText(slug)) {
    return (
      SLUG_PATTERN.test(slugify(slug)) ||
      `The slug "${slug}" has no letters or digits with a Latin spelling; use lowercase letters, digits and hyphens.`
    )
  }
  if (isText(source)) {
    return (
      SLUG_PATTERN.test(slugify(source)) ||
      `No slug can be made from the ${from} "${source.trim()}": it has no letters or digits with a Latin spelling (as in Chinese, Japanese, Korean or emoji); enter a slug.`
    )
  }
  return `A slug is required (or a ${from} to derive it from).`
}
