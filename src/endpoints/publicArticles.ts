import type { Endpoint } from 'payload'

import { refuse } from '../lib/refuse'
import { SLUG_MAX_LENGTH } from '../lib/slugify'
import { listPublicArticles } from '../services/publicList'
import {
  DEFAULT_LIST_LIMIT,
  MAX_LIST_LIMIT,
  MAX_LIST_PAGE,
  type ListQuery,
} from '../services/publicList/types'

/** Longer than any slug (or any tag) is a filter that can match nothing. */
const MAX_FILTER_LENGTH = { author: SLUG_MAX_LENGTH, source: SLUG_MAX_LENGTH, tag: 100 }

function wholeNumber(
  query: Record<string, unknown>,
  name: string,
  fallback: number,
  max: number,
): number {
  const raw = query[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < 1 || value > max) {
    throw refuse(
      400,
      `${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(raw)}.`,
    )
  }
  return value
}

function filter(
  query: Record<string, unknown>,
  name: 'author' | 'source' | 'tag',
): string | undefined {
  const raw = query[name]
  if (raw === undefined) return undefined
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_FILTER_LENGTH[name]) {
    throw refuse(
      400,
      `${name} must be one ${name === 'tag' ? 'tag' : 'slug'} of 1 to ${MAX_FILTER_LENGTH[name]} characters.`,
    )
  }
  return raw
}

/**
 * GET /api/public/articles — a page of published articles, newest first, as a front page or an
 * archive lists them: title, slug, standfirst, publication date, hero image and authors (name,
 * slug). `?author=<slug>`, `?source=<slug>`, `?tag=<tag>` filter; `?limit=` (≤ 100) and `?page=`
 * page. Always the public view, whoever asks.
 */
export const publicArticles: Endpoint = {
  path: '/public/articles',
  method: 'get',
  handler: async (req) => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const list: ListQuery = {
      limit: wholeNumber(query, 'limit', DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT),
      page: wholeNumber(query, 'page', 1, MAX_LIST_PAGE),
      author: filter(query, 'author'),
      source: filter(query, 'source'),
      tag: filter(query, 'tag'),
    }
    return Response.json(await listPublicArticles(req.payload, list))
  },
}
