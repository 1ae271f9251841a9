import { refuse } from '../../lib/refuse'
import { SLUG_MAX_LENGTH } from '../../lib/slugify'
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, MAX_LIST_PAGE, type ListQuery } from './types'

/** Longer than any slug (or any tag) is a filter that can match nothing. */
const MAX_FILTER_LENGTH = { author: SLUG_MAX_LENGTH, source: SLUG_MAX_LENGTH, tag: 100 }

/** A whole number from 1 to `max`, given as text (REST's query string) or a number (GraphQL's Int). */
function wholeNumber(raw: unknown, name: string, fallback: number, max: number): number {
  if (raw === undefined || raw === null || raw === '') return fallback
  const text = typeof raw === 'number' ? String(raw) : raw
  const value = Number(text)
  if (typeof text !== 'string' || !/^\d+$/.test(text) || value < 1 || value > max) {
    throw refuse(
      400,
      `${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(raw)}.`,
    )
  }
  return value
}

function filter(raw: unknown, name: 'author' | 'source' | 'tag'): string | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_FILTER_LENGTH[name]) {
    throw refuse(
      400,
      `${name} must be one ${name === 'tag' ? 'tag' : 'slug'} of 1 to ${MAX_FILTER_LENGTH[name]} characters.`,
    )
  }
  return raw
}

/** A public list's query (REST `?limit=&page=&author=&source=&tag=`, or GraphQL's arguments), checked. */
export function listQueryOf(raw: Record<string, unknown>): ListQuery {
  return {
    limit: wholeNumber(raw.limit, 'limit', DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT),
    page: wholeNumber(raw.page, 'page', 1, MAX_LIST_PAGE),
    author: filter(raw.author, 'author'),
    source: filter(raw.source, 'source'),
    tag: filter(raw.tag, 'tag'),
  }
}
