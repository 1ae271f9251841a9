import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedNewsroom, type SeedSummary } from '../../bench/seed'
import { SeedWriter } from '../../bench/seed/writer'
import { idOf } from '../../src/lib/ids'
import { blocksOf } from '../../src/lib/lexical'
import type { Article, User } from '../../src/payload-types'
import { login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/**
 * The benchmark's seed (bench/seed.ts) writes below Payload's hooks; these checks read what it
 * wrote through the real access rules — the REST app anonymously, the Local API as the desk — and
 * take one seeded `approved` article through the real `publish` transition.
 */

const SIZE = {
  articles: 200,
  drafts: 50,
  authors: 20,
  sources: 30,
  comments: 2_000,
  approvedShare: 0.8,
  approvedReady: 5,
}

type ThreadedComment = {
  id: number
  authorName: string
  body: string
  replies: ThreadedComment[]
} & Record<string, unknown>

let payload: Payload
let server: TestServer
let seeded: SeedSummary
let publisher: User

const get = async (path: string, auth?: string) => {
  const res = await fetch(server.url + path, { headers: auth ? { Authorization: auth } : {} })
  return { status: res.status, body: (await res.json()) as any }
}

beforeAll(async () => {
  payload = await getTestPayload()
  seeded = await seedNewsroom(payload, SIZE)
  server = await startTestServer()
  publisher = await payload.findByID({ collection: 'users', id: seeded.users.publisher.id })
})

afterAll(() => server?.close())

describe('bench seed', () => {
  it('reports what it was asked to seed', () => {
    expect(seeded.counts).toMatchObject({
      published: 200,
      drafts: 50,
      approvedReady: 5,
      authors: 20,
      sources: 30,
      comments: 2_000,
      articleVersions: 255,
    })
    expect(seeded.publishedSlugs).toHaveLength(200)
    expect(
      new Set([...seeded.publishedSlugs, ...seeded.draftSlugs, ...seeded.approvedReadySlugs]).size,
    ).toBe(255)
    expect(seeded.counts.commentsApproved / seeded.counts.comments).toBeGreaterThan(0.75)
    expect(seeded.counts.commentsApproved / seeded.counts.comments).toBeLessThan(0.85)
    expect(seeded.counts.replies).toBeGreaterThan(0)
    expect(seeded.tags.length).toBeGreaterThan(20)
  })

  it('shows anonymous readers exactly the published articles', async () => {
    const local = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      limit: 1,
      depth: 0,
    })
    expect(local.totalDocs).toBe(200)
    const rest = await get('/api/articles?limit=100&depth=0')
    expect(rest.status).toBe(200)
    expect(rest.body.totalDocs).toBe(200)
    expect(rest.body.docs.every((doc: Article) => seeded.publishedSlugs.includes(doc.slug!))).toBe(
      true,
    )
  })

  it('shows anonymous readers no draft and no approved article', async () => {
    const hidden = [...seeded.draftSlugs, ...seeded.approvedReadySlugs]
    const local = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { slug: { in: hidden } },
      limit: 1,
    })
    expect(local.totalDocs).toBe(0)
    for (const id of [seeded.draftIds[0], seeded.approvedReadyIds[0]]) {
      expect((await get(`/api/articles/${id}?depth=0`)).status).toBe(404)
      expect((await get(`/api/articles/${id}?draft=true`)).status).toBe(404)
    }
    expect((await get(`/api/public/articles/${seeded.draftSlugs[0]}`)).status).toBe(404)
  })

  it('serves an article page with its authors, sources and only its approved comments, threaded', async () => {
    const [busiest] = seeded.mostCommented
    const page = await get(`/api/public/articles/${busiest.slug}`)
    expect(page.status).toBe(200)
    expect(page.body.authors.length).toBeGreaterThanOrEqual(1)
    expect(
      page.body.authors.every(
        (author: any) =>
          typeof author.name === 'string' && seeded.authorSlugs.includes(author.slug),
      ),
    ).toBe(true)
    const sourceIds = page.body.sources.map((source: any) => source.id)
    expect(page.body.sources.every((source: any) => seeded.sourceSlugs.includes(source.slug))).toBe(
      true,
    )
    // Every source a Quote block cites is among the article's sources (at depth 1 the block's source is populated).
    const quotes = blocksOf(page.body.body, 'quote')
    expect(quotes.length).toBeGreaterThanOrEqual(1)
    expect(quotes.every((quote) => sourceIds.includes(idOf(quote.source)))).toBe(true)
    expect(page.body).not.toHaveProperty('reviewState')

    const flat: ThreadedComment[] = []
    const walk = (comments: ThreadedComment[]) =>
      comments.forEach((comment) => (flat.push(comment), walk(comment.replies)))
    walk(page.body.comments)
    expect(page.body.comments.some((comment: ThreadedComment) => comment.replies.length > 0)).toBe(
      true,
    )
    const approved = await payload.find({
      collection: 'comments',
      where: { and: [{ article: { equals: busiest.id } }, { status: { equals: 'approved' } }] },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    expect(approved.docs).toHaveLength(busiest.approved)
    expect(flat.map((comment) => comment.id).sort()).toEqual(
      approved.docs.map((comment) => comment.id).sort(),
    )
    expect(flat.every((comment) => !('authorEmail' in comment) && !('status' in comment))).toBe(
      true,
    )
    // Its other comments exist, and stay hidden.
    const all = await payload.count({
      collection: 'comments',
      where: { article: { equals: busiest.id } },
    })
    expect(all.totalDocs).toBe(busiest.comments)
    expect(busiest.comments).toBeGreaterThan(busiest.approved)
  })

  it('shows the publisher the unpublished articles, each with its latest version', async () => {
    const unpublished = await payload.find({
      collection: 'articles',
      draft: true,
      overrideAccess: false,
      user: publisher,
      where: { reviewState: { not_equals: 'published' } },
      limit: 100,
      depth: 0,
    })
    expect(unpublished.totalDocs).toBe(55)
    expect(unpublished.docs.map((doc) => doc.slug).sort()).toEqual(
      [...seeded.draftSlugs, ...seeded.approvedReadySlugs].sort(),
    )
    const versions = await payload.findVersions({
      collection: 'articles',
      overrideAccess: false,
      user: publisher,
      where: { parent: { equals: seeded.draftIds[0] } },
      depth: 0,
    })
    expect(versions.docs).toHaveLength(1)
    expect(versions.docs[0]).toMatchObject({
      latest: true,
      version: { slug: seeded.draftSlugs[0], _status: 'draft' },
    })
    // A published article's latest version is the published one.
    const live = await payload.findVersions({
      collection: 'articles',
      overrideAccess: false,
      user: publisher,
      where: { parent: { equals: seeded.publishedIds[0] } },
      depth: 0,
    })
    expect(live.docs[0]).toMatchObject({
      latest: true,
      version: { _status: 'published', reviewState: 'published' },
    })
  })

  it('lets the contributor read the articles they are an author of, and only those', async () => {
    const contributor = await payload.findByID({
      collection: 'users',
      id: seeded.users.contributor.id,
    })
    const own = await payload.find({
      collection: 'articles',
      draft: true,
      overrideAccess: false,
      user: contributor,
      limit: 1,
    })
    expect(own.totalDocs).toBeGreaterThan(0)
    expect(own.totalDocs).toBeLessThan(255)
  })

  it('publishes an approved article through the workflow API as the publisher, and the public then sees it', async () => {
    const id = seeded.approvedReadyIds[0]
    const auth = await login(
      server.url,
      seeded.users.publisher.email,
      seeded.users.publisher.password,
    )
    const before = await get(`/api/articles/${id}/workflow`, auth)
    expect(before.body.reviewState).toBe('approved')
    expect(before.body.allowedActions).toContain('publish')
    expect(before.body.history.map((entry: any) => entry.action)).toEqual(['approve', 'submit'])

    const res = await fetch(`${server.url}/api/articles/${id}/workflow`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'publish' }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      id,
      reviewState: 'published',
      event: { action: 'publish', seq: 3 },
    })

    const page = await get(`/api/public/articles/${seeded.approvedReadySlugs[0]}`)
    expect(page.status).toBe(200)
    expect(page.body.publishedAt).toBeTruthy()
    const count = await payload.count({ collection: 'articles', overrideAccess: false })
    expect(count.totalDocs).toBe(201)
  })

  it('refuses a second seed into the same database', async () => {
    await expect(seedNewsroom(payload, SIZE)).rejects.toThrow(/needs an empty database/)
  })
})

describe('bench seed writer', () => {
  it('lays an article out in SQLite exactly as the database adapter does', async (context) => {
    const bulk = new SeedWriter(payload, 'bulk')
    if (bulk.mode !== 'bulk')
      context.skip('the bulk writer is SQLite only; PostgreSQL and MongoDB always use the adapter')
    const template = await payload.findByID({
      collection: 'articles',
      id: seeded.publishedIds[1],
      draft: true,
      depth: 0,
    })
    const adapter = new SeedWriter(payload, 'adapter')
    const [viaAdapter, viaBulk] = (await adapter.ids('articles', 2)) as number[]
    const copy = (id: number) => ({ ...template, id, slug: `${template.slug}-copy-${id}` })
    await adapter.transaction((req) =>
      adapter.insertWithVersions('articles', [copy(viaAdapter)], req),
    )
    await bulk.transaction((req) => bulk.insertWithVersions('articles', [copy(viaBulk)], req))

    const read = async (id: number) => {
      const {
        id: _id,
        slug: _slug,
        ...doc
      } = await payload.findByID({ collection: 'articles', id, depth: 0 })
      const { docs } = await payload.findVersions({
        collection: 'articles',
        where: { parent: { equals: id } },
        depth: 0,
      })
      const { id: _vid, slug: _vslug, ...version } = docs[0].version
      return { doc, versions: docs.length, latest: docs[0].latest, version }
    }
    const [a, b] = [await read(viaAdapter), await read(viaBulk)]
    expect(b).toEqual(a)
    expect(a.doc).toMatchObject({
      authors: template.authors,
      sources: template.sources,
      tags: template.tags,
      _status: 'published',
    })
  })
})
