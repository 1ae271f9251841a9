import { and, asc, desc, eq, sql } from '@payloadcms/db-sqlite/drizzle'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { COMMENTS, PUBLIC_LISTINGS, PUBLIC_PAGES } from '../collections/slugs'
import type { FlatComment } from '../lib/threadComments'

/** One row of a public list: the card as stored (JSON text) and every list the article is on. */
export type ListingRow = { card: string; lists: string[] }
export type StoredPage = { article: number | string; document: string }
/** Rows of a list, and whether more follow them. */
export type ListingRange = { rows: ListingRow[]; more: boolean }

/**
 * The read model's three reads, by the cheapest route the adapter has. Nothing here decides what
 * is public: the pages and cards are stored already rendered for an anonymous reader
 * (src/services/publicPages/render.ts), and the comments asked for are the approved ones of a
 * published page. tests/int/public-pages.test.ts pins each read against Payload's own answer.
 */
export type PublicReads = {
  /** The stored page with this slug (JSON text) and its article's id; null when there is none. */
  page(slug: string): Promise<StoredPage | null>
  /** `limit` rows of a list from row `offset` (a multiple of `limit`), newest first. */
  listRange(list: string, offset: number, limit: number): Promise<ListingRange>
  /** Up to `limit` approved comments of an article, oldest first, public fields only. */
  approvedComments(article: number | string, limit: number): Promise<FlatComment[]>
}

const APPROVED = 'approved'
const readsOf = new WeakMap<object, PublicReads>()

/** This payload's reads; built once per database connection. */
export function publicReads(payload: Payload): PublicReads {
  const key =
    payload.db.name === 'sqlite' ? (payload.db as unknown as SQLiteAdapter).drizzle : payload.db
  let reads = readsOf.get(key)
  if (!reads) {
    reads =
      payload.db.name === 'sqlite'
        ? preparedReads(payload.db as unknown as SQLiteAdapter)
        : adapterReads(payload)
    readsOf.set(key, reads)
  }
  return reads
}

/**
 * SQLite: statements prepared once on Payload's own drizzle tables (no table or column name
 * written here), skipping the adapter's per-call query building, which costs more than the query.
 * The stored JSON is read as text, so it is served without being parsed and written again.
 */
function preparedReads(db: SQLiteAdapter): PublicReads {
  const pages = db.tables[db.tableNameMap.get(PUBLIC_PAGES.replaceAll('-', '_'))!]
  const listings = db.tables[db.tableNameMap.get(PUBLIC_LISTINGS.replaceAll('-', '_'))!]
  const comments = db.tables[db.tableNameMap.get(COMMENTS)!]
  const asText = (column: unknown) => sql<string>`cast(${column} as text)`
  const page = db.drizzle
    .select({ article: pages.article, document: asText(pages.document) })
    .from(pages)
    .where(eq(pages.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare()
  const range = db.drizzle
    .select({ card: asText(listings.card), lists: listings.lists })
    .from(listings)
    .where(eq(listings.list, sql.placeholder('list')))
    .orderBy(desc(listings.publishedAt))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare()
  const approved = db.drizzle
    .select({
      id: comments.id,
      parent: comments.parent,
      authorName: comments.authorName,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(and(eq(comments.article, sql.placeholder('article')), eq(comments.status, APPROVED)))
    .orderBy(asc(comments.createdAt))
    .limit(sql.placeholder('limit'))
    .prepare()
  return {
    async page(slug) {
      const found = (await page.get({ slug })) as { article: string; document: string } | undefined
      // SQLite's ids are numbers; the page keeps its article's as text.
      return found ? { article: Number(found.article), document: found.document } : null
    },
    async listRange(list, offset, limit) {
      // One row past the page says whether another follows, without counting.
      const rows = (await range.all({ list, offset, limit: limit + 1 })) as ListingRow[]
      return { rows: rows.slice(0, limit), more: rows.length > limit }
    },
    approvedComments: async (article, limit) =>
      (await approved.all({ article, limit })) as FlatComment[],
  }
}

/** Any other adapter (PostgreSQL, MongoDB): its own `find`, with the stored JSON written out again. */
function adapterReads(payload: Payload): PublicReads {
  const counts = payload.db.name === 'mongoose'
  return {
    async page(slug) {
      const found = await payload.db.findOne<{
        id: number | string
        article: string
        document: unknown
      }>({
        collection: PUBLIC_PAGES,
        where: { slug: { equals: slug } },
        select: { article: true, document: true },
      })
      if (!found) return null
      // The page keeps its article's id as text; PostgreSQL's ids are numbers, MongoDB's text.
      const article = payload.db.defaultIDType === 'number' ? Number(found.article) : found.article
      return { article, document: JSON.stringify(found.document) }
    },
    async listRange(list, offset, limit) {
      const range = async (from: number, size: number) => {
        const found = await payload.db.find<{ card: unknown; lists: string[] }>({
          collection: PUBLIC_LISTINGS,
          where: { list: { equals: list } },
          sort: '-publishedAt',
          select: { card: true, lists: true },
          limit: size,
          // The adapter skips (page - 1) × limit rows.
          page: from / size + 1,
          // MongoDB's adapter skips rows only when it paginates, and so counts.
          pagination: counts,
        })
        const rows = found.docs.map((row) => ({ card: JSON.stringify(row.card), lists: row.lists }))
        return { rows, more: found.hasNextPage }
      }
      const found = await range(offset, limit)
      if (counts || found.rows.length < limit) return found
      // Whether a row follows the page: the one row past it, instead of a count.
      return { rows: found.rows, more: (await range(offset + limit, 1)).rows.length > 0 }
    },
    async approvedComments(article, limit) {
      const found = await payload.db.find<FlatComment>({
        collection: COMMENTS,
        where: { and: [{ article: { equals: article } }, { status: { equals: APPROVED } }] },
        select: { parent: true, authorName: true, body: true, createdAt: true },
        sort: 'createdAt',
        limit,
        pagination: false,
      })
      return found.docs
    },
  }
}
