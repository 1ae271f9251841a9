import type { Payload } from 'payload'

import { COMMENTS, PUBLIC_LISTINGS, PUBLIC_PAGES } from '../../collections/slugs'
import { threadComments, type FlatComment } from '../../lib/threadComments'
import type { Article } from '../../payload-types'
import { listKeys } from './listings'
import {
  listPage,
  MAX_COMMENTS,
  type ListedArticle,
  type ListQuery,
  type PublicArticle,
  type PublicList,
} from './types'

/**
 * The public reads, from the read model: one indexed lookup for an article page (by slug) and one
 * indexed range for a list page (by list, newest first), through the database adapter's own
 * `find`, the same on every adapter. What is stored is already the public view (render.ts), so no
 * access rule runs again here.
 */

/** GET /api/public/articles/:slug: the page, and its approved comments threaded; null when not public. */
export async function readPublicArticle(
  payload: Payload,
  slug: string,
): Promise<PublicArticle | null> {
  const page = await payload.db.findOne<{ id: number | string; document: Article }>({
    collection: PUBLIC_PAGES,
    where: { slug: { equals: slug } },
    select: { document: true },
  })
  if (!page) return null
  const article = page.document
  // Comments change often and are moderated apart from the article: their own indexed query.
  const comments = await payload.find({
    collection: COMMENTS,
    // The article is published, so its approved comments are public; only public fields are selected.
    where: { and: [{ article: { equals: article.id } }, { status: { equals: 'approved' } }] },
    select: { parent: true, authorName: true, body: true, createdAt: true },
    sort: 'createdAt',
    depth: 0,
    limit: MAX_COMMENTS,
    // No count query: the page shows the comments, not a total.
    pagination: false,
  })
  return { ...article, comments: threadComments(comments.docs as FlatComment[]) }
}

/**
 * Whether the adapter applies `page` without counting (`pagination: false`): the SQL adapters do;
 * MongoDB's skips only when paginating, so it counts.
 */
const pagesWithoutCount = (payload: Payload) => payload.db.name !== 'mongoose'

type Listing = { id: number | string; card: ListedArticle; lists: string[] }

/** Rows of one list, newest first: `limit` of them from row `offset`, and whether more follow. */
async function rangeOf(
  payload: Payload,
  list: string,
  offset: number,
  limit: number,
): Promise<{ rows: Listing[]; more: boolean }> {
  const counted = !pagesWithoutCount(payload)
  const range = (from: number, size: number) =>
    payload.db.find<Listing>({
      collection: PUBLIC_LISTINGS,
      where: { list: { equals: list } },
      sort: '-publishedAt',
      select: { card: true, lists: true },
      limit: size,
      // The adapter skips (page - 1) × limit rows; `from` is a multiple of `size` here.
      page: from / size + 1,
      pagination: counted,
    })
  const found = await range(offset, limit)
  if (counted) return { rows: found.docs, more: found.hasNextPage }
  // Whether a row follows the page: one more row, looked up past it, instead of a count.
  const next = found.docs.length < limit ? [] : (await range(offset + limit, 1)).docs
  return { rows: found.docs, more: next.length > 0 }
}

/** How many rows of a list a page filtered two or three ways reads at a time. */
const SCAN = 200

/**
 * GET /api/public/articles: a page of one list's cards, newest first — one range of the
 * (list, publishedAt) index. Filtered two or three ways at once, it reads the first filter's list
 * in order and keeps the articles that are on the others' too.
 */
export async function listPublicArticles(payload: Payload, query: ListQuery): Promise<PublicList> {
  const [first, ...others] = listKeys(query)
  const skip = (query.page - 1) * query.limit
  if (!others.length) {
    const { rows, more } = await rangeOf(payload, first, skip, query.limit)
    return listPage(
      rows.map((row) => row.card),
      query,
      more,
    )
  }
  const matches: ListedArticle[] = []
  for (let offset = 0; ; offset += SCAN) {
    const { rows, more } = await rangeOf(payload, first, offset, SCAN)
    for (const row of rows)
      if (others.every((list) => row.lists.includes(list))) matches.push(row.card)
    if (matches.length > skip + query.limit || !more) break
  }
  return listPage(
    matches.slice(skip, skip + query.limit),
    query,
    matches.length > skip + query.limit,
  )
}
