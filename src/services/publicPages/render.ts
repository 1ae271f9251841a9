import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { ARTICLES, PUBLIC_LISTINGS, PUBLIC_PAGES } from '../../collections/slugs'
import { inTransaction } from '../../db/transaction'
import { PUBLIC_LIMIT } from '../../hooks/capPublicQueries'
import type { Article } from '../../payload-types'
import { embedsOf } from './embeds'
import { cardOf, listsOf } from './listings'

export type RenderResult = { rendered: number; removed: number }

/**
 * Renders the public pages of these articles: each is read by Payload as an anonymous reader
 * (no user, `overrideAccess: false`), so the access rules, field access and afterRead hooks decide
 * what is public; what it answers is stored as the article's page and its cards in the lists it is
 * on. An article the anonymous reader cannot see (a draft, unpublished, deleted) loses its page
 * and cards. Idempotent: rendering twice stores the same thing.
 */
export async function renderPublicPages(
  payload: Payload,
  articleIds: readonly (number | string)[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<RenderResult> {
  const ids = [...new Set(articleIds.map(String))]
  const result = { rendered: 0, removed: 0 }
  // An anonymous reader gets at most PUBLIC_LIMIT documents a query.
  for (let start = 0; start < ids.length; start += PUBLIC_LIMIT) {
    const batch = await renderBatch(payload, ids.slice(start, start + PUBLIC_LIMIT))
    result.rendered += batch.rendered
    result.removed += batch.removed
    onProgress(Math.min(start + PUBLIC_LIMIT, ids.length), ids.length)
  }
  return result
}

async function renderBatch(payload: Payload, ids: string[]): Promise<RenderResult> {
  // Anonymous: a request of its own, with no user, whoever caused the change.
  const req = await createLocalReq({}, payload)
  return inTransaction(req, async () => {
    const { docs } = await payload.find({
      collection: ARTICLES,
      where: { id: { in: ids } },
      depth: 1,
      limit: ids.length,
      pagination: false,
      overrideAccess: false,
      req,
    })
    const visible = new Set(docs.map((doc) => String(doc.id)))
    // Written afresh: every page and card of these articles goes first, so a slug that moved from
    // one of them to another is free when the other's page is written.
    const theirs = { article: { in: ids } }
    await payload.delete({ collection: PUBLIC_LISTINGS, where: theirs, req })
    await payload.delete({ collection: PUBLIC_PAGES, where: theirs, req })
    for (const article of docs) await store(payload, req, article)
    return { rendered: docs.length, removed: ids.filter((id) => !visible.has(id)).length }
  })
}

async function store(payload: Payload, req: PayloadRequest, article: Article): Promise<void> {
  const page = {
    article: String(article.id),
    slug: article.slug!,
    embeds: embedsOf(article),
    document: article as unknown as Record<string, unknown>,
  }
  await payload.create({ collection: PUBLIC_PAGES, data: page, depth: 0, req })
  const card = cardOf(article) as unknown as Record<string, unknown>
  const lists = listsOf(article)
  for (const list of lists) {
    await payload.create({
      collection: PUBLIC_LISTINGS,
      data: { list, lists, article: page.article, publishedAt: article.publishedAt!, card },
      depth: 0,
      req,
    })
  }
}

/** The articles whose pages show this document (`<collection>:<id>`, see embeds.ts). */
export async function articlesEmbedding(payload: Payload, key: string): Promise<string[]> {
  const { docs } = await payload.find({
    collection: PUBLIC_PAGES,
    where: { embeds: { equals: key } },
    select: { article: true },
    depth: 0,
    pagination: false,
    limit: 0,
  })
  return docs.map((doc) => doc.article)
}

/**
 * Renders every article's page again and drops pages of articles that no longer exist: after a
 * deploy that changes what is public, or a restore. `onProgress` hears after each batch.
 */
export async function rebuildPublicPages(
  payload: Payload,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<RenderResult> {
  const ids = new Set<string>()
  for (let page = 1; ; page++) {
    const found = await payload.find({
      collection: ARTICLES,
      select: {},
      depth: 0,
      limit: 1000,
      page,
      sort: 'id',
    })
    for (const doc of found.docs) ids.add(String(doc.id))
    if (!found.hasNextPage) break
  }
  const stored = await payload.find({
    collection: PUBLIC_PAGES,
    select: { article: true },
    depth: 0,
    pagination: false,
    limit: 0,
  })
  for (const page of stored.docs) ids.add(page.article)
  return renderPublicPages(payload, [...ids], onProgress)
}

/**
 * Before a server first serves, a read model with no page at all while articles are published
 * (the first start after the upgrade that adds it, or a database loaded from elsewhere) is filled.
 * Instances starting together on one shared database may each try: the one whose writes collide
 * with another's says so and serves, as the other fills them.
 */
export async function fillEmptyPublicPages(payload: Payload): Promise<RenderResult | null> {
  const [pages, published] = await Promise.all([
    payload.count({ collection: PUBLIC_PAGES }),
    payload.count({ collection: ARTICLES, where: { _status: { equals: 'published' } } }),
  ])
  if (pages.totalDocs > 0 || published.totalDocs === 0) return null
  payload.logger.info(
    `Public pages: none stored for ${published.totalDocs} published articles; rendering them.`,
  )
  try {
    return await rebuildPublicPages(payload)
  } catch (error) {
    if (payload.db.name === 'sqlite') throw error
    payload.logger.warn({
      err: error,
      msg: 'Public pages: another instance is filling them too; this one serves on (`npm run public:rebuild` fills them should none finish).',
    })
    return null
  }
}
