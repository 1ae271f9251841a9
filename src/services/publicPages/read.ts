import type { Payload } from 'payload'

import { publicReads } from '../../db/publicReads'
import { threadComments } from '../../lib/threadComments'
import { listKeys } from './listings'
import { jsonWith, listPageJson, MAX_COMMENTS, type ListQuery } from './types'

/**
 * The public reads, from the read model: one indexed lookup for an article page (by slug) and one
 * indexed range for a list page (by list, newest first). What is stored is already the public
 * view (render.ts), so no access rule runs again here; and it is stored as JSON, so the answers
 * are written around it as JSON text rather than parsed and written again.
 */

/**
 * GET /api/public/articles/:slug, as JSON text: the page, and its approved comments threaded;
 * null when the article is not public.
 */
export async function readPublicArticle(payload: Payload, slug: string): Promise<string | null> {
  const reads = publicReads(payload)
  const page = await reads.page(slug)
  if (!page) return null
  // Comments change often and are moderated apart from the article: their own indexed query.
  const comments = threadComments(await reads.approvedComments(page.article, MAX_COMMENTS))
  return jsonWith(page.document, 'comments', JSON.stringify(comments))
}

/** How many rows of a list a page filtered two or three ways reads at a time. */
const SCAN = 200

/**
 * GET /api/public/articles, as JSON text: a page of one list's cards, newest first — one range of
 * the (list, publishedAt) index. Filtered two or three ways at once, it reads the first filter's
 * list in order and keeps the articles that are on the others' too.
 */
export async function listPublicArticles(payload: Payload, query: ListQuery): Promise<string> {
  const reads = publicReads(payload)
  const [first, ...others] = listKeys(query)
  const skip = (query.page - 1) * query.limit
  if (!others.length) {
    const { rows, more } = await reads.listRange(first, skip, query.limit)
    return listPageJson(
      rows.map((row) => row.card),
      query,
      more,
    )
  }
  const matches: string[] = []
  for (let offset = 0; ; offset += SCAN) {
    const { rows, more } = await reads.listRange(first, offset, SCAN)
    for (const row of rows)
      if (others.every((list) => row.lists.includes(list))) matches.push(row.card)
    if (matches.length > skip + query.limit || !more) break
  }
  return listPageJson(
    matches.slice(skip, skip + query.limit),
    query,
    matches.length > skip + query.limit,
  )
}
