import type { FieldHook } from 'payload'

import type { Article } from '../../payload-types'

/** Tags are lowercase, trimmed and unique, so filtering by tag is an exact match. */
export const normaliseTags: FieldHook<Article, Article['tags']> = ({ value }) => {
  if (!Array.isArray(value)) return value
  const tags = value
    .filter((tag): tag is string => typeof tag === 'string')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean)
  return [...new Set(tags)]
}
