import type { Client, InValue } from '@libsql/client'
import type { Payload } from 'payload'

import { MEDIA } from '../../collections/slugs'
import { placeholders, rowsOf, textOrNull } from '../../db/sqliteReads'
import { listPage, type ListedArticle, type ListQuery, type PublicList } from './types'

/**
 * A page of published articles in a few indexed SQL statements and no count, instead of Payload's
 * generic find (which counts every match: O(n) per request). Returns the same cards the Payload
 * path returns — checked by tests/int/public-list-reader.test.ts. Filters go through the
 * relationship and tag indexes: the matching ids first, then the newest of them. `+path` keeps
 * SQLite off the `path` index, which matches half the table (it has no statistics to know).
 */
export async function listFromSqlite(
  payload: Payload,
  client: Client,
  query: ListQuery,
): Promise<PublicList> {
  const rows = rowsOf(client)
  const where = [`_status = 'published'`]
  const args: InValue[] = []
  if (query.author !== undefined) {
    where.push(
      `id in (select parent_id from articles_rels where authors_id in (select id from authors where slug = ?) and +path = 'authors')`,
    )
    args.push(query.author)
  }
  if (query.source !== undefined) {
    where.push(
      `id in (select parent_id from articles_rels where sources_id in (select id from sources where slug = ?) and +path = 'sources')`,
    )
    args.push(query.source)
  }
  if (query.tag !== undefined) {
    where.push(`id in (select parent_id from articles_texts where path = 'tags' and text = ?)`)
    args.push(query.tag)
  }
  const articles = await rows(
    `select id, title, slug, dek, hero_image_id, published_at from articles where ${where.join(' and ')}
      order by published_at desc, created_at desc limit ? offset ?`,
    [...args, query.limit + 1, (query.page - 1) * query.limit],
  )
  const ids = articles.map((a) => Number(a.id))
  const credits = ids.length
    ? await rows(
        `select parent_id, authors_id from articles_rels where parent_id in (${placeholders(ids.length)}) and +path = 'authors' and authors_id is not null
          order by parent_id, "order"`,
        ids,
      )
    : []
  const authorIds = [...new Set(credits.map((c) => Number(c.authors_id)))]
  const authors = new Map(
    (authorIds.length
      ? await rows(
          `select id, name, slug from authors where id in (${placeholders(authorIds.length)})`,
          authorIds,
        )
      : []
    ).map((a) => [
      Number(a.id),
      { id: Number(a.id), name: String(a.name), slug: textOrNull(a.slug) },
    ]),
  )
  const heroIds = [
    ...new Set(
      articles.filter((a) => a.hero_image_id !== null).map((a) => Number(a.hero_image_id)),
    ),
  ]
  // Media URLs and sizes are Payload's to compute: the few images of a page go through it.
  const media = new Map(
    heroIds.length
      ? (
          await payload.find({
            collection: MEDIA,
            where: { id: { in: heroIds } },
            depth: 0,
            limit: heroIds.length,
            pagination: false,
            overrideAccess: false,
          })
        ).docs.map((m) => [m.id, m])
      : [],
  )
  const docs: ListedArticle[] = articles.map((a) => ({
    id: Number(a.id),
    title: String(a.title),
    slug: textOrNull(a.slug),
    dek: textOrNull(a.dek),
    heroImage:
      a.hero_image_id === null
        ? null
        : (media.get(Number(a.hero_image_id)) ?? Number(a.hero_image_id)),
    authors: credits
      .filter((c) => c.parent_id === a.id)
      .map((c) => authors.get(Number(c.authors_id)) ?? Number(c.authors_id)),
    publishedAt: textOrNull(a.published_at),
  }))
  // One more row than asked tells whether a next page exists, without counting every match.
  return listPage(docs.slice(0, query.limit), query, docs.length > query.limit)
}
