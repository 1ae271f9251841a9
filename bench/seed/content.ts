/**
 * Synthetic newsroom content: titles, standfirsts, ~1,000-word Lexical bodies with Quote blocks,
 * author and source profiles, reader comments. Pure (no Payload), deterministic for a seed.
 */
import { richText, type BodyPart } from '../../src/lib/richText'
import { slugify } from '../../src/lib/slugify'
import type { Random } from './random'
import {
  ADJECTIVES,
  BEATS,
  CLAIMS,
  COMMENT_CLAIMS,
  COMMENT_CLOSERS,
  COMMENT_OPENERS,
  FIRST_NAMES,
  GROUPS,
  HEADINGS,
  LAST_NAMES,
  NOUNS,
  OFFICIALS,
  PLACES,
  ROLES_QUOTED,
  SOURCE_PATTERNS,
  type SourceKind,
  SUBJECTS,
  TAGS,
  VERBS_PAST,
} from './vocabulary'

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const TOWNS = PLACES.filter((place) => !place.startsWith('the '))

/** Fills `{place}`-style slots from the pools, and `{a|b|c}` with one of the alternatives. */
function fill(random: Random, template: string, subject = random.pick(SUBJECTS).name): string {
  return template.replace(/\{([^}]+)\}/g, (_, slot: string) => {
    if (slot.includes('|')) return random.pick(slot.split('|'))
    switch (slot) {
      case 'subject':
        return subject
      case 'place':
        return random.pick(PLACES)
      case 'town':
        return random.pick(TOWNS)
      case 'person':
        return personName(random)
      case 'surname':
        return random.pick(LAST_NAMES)
      case 'group':
        return random.pick(GROUPS)
      case 'claim':
        return random.pick(CLAIMS)
      case 'adjective':
        return random.pick(ADJECTIVES)
      case 'noun':
        return random.pick(NOUNS)
      case 'verbed':
        return random.pick(VERBS_PAST)
      case 'official':
        return random.pick(OFFICIALS)
      case 'role':
        return random.pick(ROLES_QUOTED)
      case 'n':
        return String(random.int(3, 95))
      case 'year':
        return String(random.int(2009, 2025))
      case 'count':
        return random.pick(['two', 'three', 'four', 'five', 'six', 'ten', 'twelve'])
      default:
        return slot
    }
  })
}

const TITLE_PATTERNS = [
  'Why {subject} {claim}',
  'What {subject} means for {group}',
  'The case for {subject}',
  '{subject}: {count} questions nobody in {place} is asking',
  'How {place} got {subject} wrong',
  'In {place}, {subject} {claim}',
  'After {count} years, {subject} {claim}',
  'Letter from {place}: {subject} and the {group}',
  '{group} were promised {subject}. What did they get?',
  'The {adjective} truth about {subject}',
  'Inside the fight over {subject} in {place}',
  'Ask the {group}: {subject} {claim}',
]

const DEK_PATTERNS = [
  '{group} in {place} say {subject} {claim}; the figures tell a more complicated story.',
  'A {adjective} {noun} and a {adjective} promise: what {official} did not say about {subject}.',
  'The {noun} has {verbed} since {year}. Here is what that means for {group}.',
  'Three lessons from {place}, where {subject} {claim}.',
  'Why {official} should listen to the {group} before the next {noun}.',
]

const SENTENCES = [
  'The {noun} published last month shows that costs in {place} have {verbed} since {year}.',
  'For the {group} who rely on {subject}, the change is anything but abstract.',
  '{official} has promised a {adjective} {noun}, but the timetable keeps slipping.',
  'Nobody disputes that the old arrangements were {adjective}; the argument is about what replaces them.',
  'In {place}, {n} per cent of {group} told a recent {noun} that they had noticed no difference at all.',
  'The money is not the whole story, though it is a large part of it.',
  'Critics point to {place}, where a similar {noun} was dropped after {count} years.',
  'Supporters say the {noun} has been {adjective} but that the direction is right.',
  'Talk to the {group} at the end of a long shift and a different picture emerges.',
  'It is worth remembering how we got here: in {year}, {official} chose speed over care.',
  'The figures are {adjective}, and they are not going away.',
  'A {adjective} {noun} would at least tell us what we are arguing about.',
  'Those who can afford to wait will wait; the {group} cannot.',
  'None of this is inevitable, and much of it was predicted.',
  'The {noun} for {place} has {verbed}, while neighbouring towns saw the opposite.',
  'That leaves {official} with a choice it has avoided for {count} years.',
  'What would a sensible plan look like? Start with the {group}, not the {noun}.',
  'Elsewhere, {subject} has been handled with more patience and less noise.',
  'The consultation closes in {count} weeks, and the response so far has been {adjective}.',
  'Every week of delay adds to the bill, and the {group} will be the ones who pay it.',
]

const QUOTES = [
  '{n} per cent of {group} said {subject} had made no difference to their week.',
  'We were told the {noun} would be finished by {year}; it is still not in sight.',
  'The costs have {verbed}, and nobody has explained why.',
  'For many {group} there is simply no second option.',
  'We expect the {noun} to be published before the end of the year.',
  'The evidence from {place} is {adjective} at best.',
  'If {subject} goes ahead as planned, the {group} will be the first to notice.',
  'This is the most {adjective} {noun} we have seen in a decade.',
]

export type Paragraph = { text: string; words: number }

/** A pool of generated paragraphs; bodies combine them, so generating 100,000 bodies stays cheap. */
export function paragraphPool(random: Random, size: number): Paragraph[] {
  return Array.from({ length: size }, () => {
    const sentences = Array.from({ length: random.int(4, 7) }, () =>
      fill(random, random.pick(SENTENCES)),
    )
    const text = sentences.map(capitalise).join(' ')
    return { text, words: text.split(' ').length }
  })
}

export type ArticleText = { title: string; dek: string; subjectTags: string[] }

export function articleText(random: Random): ArticleText {
  const subject = random.pick(SUBJECTS)
  const title = capitalise(fill(random, random.pick(TITLE_PATTERNS), subject.name)).slice(0, 200)
  const dek = capitalise(fill(random, random.pick(DEK_PATTERNS), subject.name)).slice(0, 300)
  return { title, dek, subjectTags: subject.tags }
}

/** 0–3 tags: mostly the subject's own, sometimes one from anywhere in the vocabulary. */
export function tagsFor(random: Random, subjectTags: string[]): string[] {
  const count = random.int(0, 3)
  const tags = new Set(random.sample(subjectTags, count))
  if (count > 0 && random.chance(0.2)) tags.add(random.pick(TAGS))
  return [...tags].slice(0, 3)
}

const headingNode = (text: string) => ({
  type: 'heading',
  tag: 'h2',
  children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
})

/**
 * A Lexical body of about `words` words: paragraphs under 2–4 headings, with one Quote block per
 * entry of `quoteSources` (each cites that source). Paragraphs and Quote blocks come from the
 * demo seed's `richText`; headings are added here.
 */
export function articleBody(
  random: Random,
  pool: Paragraph[],
  quoteSources: (number | string)[],
  words = 1000,
) {
  const paragraphs: string[] = []
  for (let total = 0; total < words;) {
    const paragraph = random.pick(pool)
    paragraphs.push(paragraph.text)
    total += paragraph.words
  }
  const parts: BodyPart[] = [...paragraphs]
  // Quotes go after a paragraph, spread through the piece.
  quoteSources.forEach((source, index) => {
    const at = Math.min(
      parts.length,
      1 + Math.floor(((index + 0.5) * parts.length) / quoteSources.length),
    )
    parts.splice(at, 0, { quote: fill(random, random.pick(QUOTES)), source })
  })
  const body = richText(...parts)
  const headings = random.sample(HEADINGS, random.int(2, 4))
  const children: object[] = body.root.children
  headings.forEach((heading, index) => {
    const at = Math.floor(((index + 1) * children.length) / (headings.length + 1))
    children.splice(at + index, 0, headingNode(heading))
  })
  return body
}

export const personName = (random: Random) =>
  `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`

/** `count` distinct values from `make`; after repeated collisions a value gets a number. */
export function distinct(
  count: number,
  make: () => string,
  taken: readonly string[] = [],
): string[] {
  const seen = new Set<string>(taken)
  count += seen.size
  let misses = 0
  while (seen.size < count) {
    const value = make()
    if (!seen.has(value)) seen.add(value)
    else if (++misses % 10 === 0) seen.add(`${value} ${misses / 10 + 1}`)
  }
  return [...seen].slice(taken.length)
}

export function authorProfile(random: Random, name: string) {
  const links = random.chance(0.3)
    ? [{ label: 'Website', url: `https://${slugify(name)}.example` }]
    : []
  return {
    name,
    slug: slugify(name),
    bio: `${name.split(' ')[0]} writes on ${random.pick(BEATS)}${random.chance(0.5) ? `, from ${random.pick(PLACES)}` : ''}.`,
    links,
  }
}

export function sourceProfiles(random: Random, count: number) {
  const kinds = new Map<string, SourceKind>()
  const names = distinct(count, () => {
    const [kind, pattern] = random.pick(SOURCE_PATTERNS)
    const name = fill(random, pattern)
    if (!kinds.has(name)) kinds.set(name, kind)
    return name
  })
  return names.map((name) => {
    const kind = kinds.get(name) ?? kinds.get(name.replace(/ \d+$/, '')) ?? 'other'
    return {
      name,
      slug: slugify(name),
      kind,
      url: kind === 'person' ? null : `https://${slugify(name)}.example`,
      notes: random.chance(0.2) ? 'Confirm figures with the press office before quoting.' : null,
    }
  })
}

export function commentText(random: Random): { authorName: string; body: string } {
  const first = random.pick(FIRST_NAMES)
  const authorName = random.chance(0.6) ? first : `${first} ${random.pick(LAST_NAMES).charAt(0)}.`
  const body = `${fill(random, random.pick(COMMENT_OPENERS))} ${fill(random, random.pick(COMMENT_CLAIMS))}${random.pick(COMMENT_CLOSERS)}`
  return { authorName, body }
}
