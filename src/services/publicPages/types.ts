import type { Article, Author, Media } from '../../payload-types'

/** At most this many approved comments come with an article page. */
export const MAX_COMMENTS = 1000

/** One card of a public list: what a front page or an archive shows of an article. */
export type ListedArticle = Pick<Article, 'id' | 'title' | 'slug' | 'dek' | 'publishedAt'> & {
  heroImage: Media | number | null
  authors: (Pick<Author, 'id' | 'name' | 'slug'> | number)[]
}

export type ListFilter = { author?: string; source?: string; tag?: string }
export type ListQuery = ListFilter & { limit: number; page: number }

/** A page of published articles, newest first. No total: counting every match costs a scan per request. */
export type PublicList = {
  docs: ListedArticle[]
  page: number
  limit: number
  hasPrevPage: boolean
  hasNextPage: boolean
  prevPage: number | null
  nextPage: number | null
}

export const DEFAULT_LIST_LIMIT = 20
export const MAX_LIST_LIMIT = 100
export const MAX_LIST_PAGE = 1000

/** The page around `docs`, given as JSON text (the stored cards), as JSON text. */
export function listPageJson(docs: string[], query: ListQuery, hasNextPage: boolean): string {
  return jsonWith(JSON.stringify(pageAround(query, hasNextPage)), 'docs', `[${docs.join(',')}]`)
}

/** A JSON object's text with one more member, whose value is already JSON text. */
export function jsonWith(objectJson: string, key: string, valueJson: string): string {
  const rest = objectJson.slice(1, -1).trim()
  return `{${rest}${rest ? ',' : ''}${JSON.stringify(key)}:${valueJson}}`
}

/** The page around `docs`. */
export function listPage(
  docs: ListedArticle[],
  query: ListQuery,
  hasNextPage: boolean,
): PublicList {
  return { docs, ...pageAround(query, hasNextPage) }
}

/** What a list page says besides its cards. */
function pageAround({ limit, page }: ListQuery, hasNextPage: boolean): Omit<PublicList, 'docs'> {
  return {
    page,
    limit,
    hasPrevPage: page > 1,
    hasNextPage,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: hasNextPage ? page + 1 : null,
  }
}
