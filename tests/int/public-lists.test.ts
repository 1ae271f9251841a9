import type { Payload, Where } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Author, Source } from '../../src/payload-types'
import { listPublicArticles } from '../../src/services/publicPages/read'
import {
  listPage,
  type ListedArticle,
  type ListQuery,
  type PublicList,
} from '../../src/services/publicPages/types'
import { transitionAs } from '../../src/services/workflow/transition'
import { body, createArticle, createAuthor, createSource, desk } from '../helpers/factories'
import { startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/**
 * Public lists (GET /api/public/articles) come from the read model (src/services/publicPages):
 * each page equals what Payload's Local API lists for an anonymous reader, the reference below.
 */

let payload: Payload
let server: TestServer
let authors: Author[]
let sources: Source[]
const json = (value: unknown) => JSON.parse(JSON.stringify(value))

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#993366' } })
    .png()
    .toBuffer()
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'Quay' },
    file: { data: png, mimetype: 'image/png', name: 'quay.png', size: png.length },
  })
  authors = [
    await createAuthor(payload, { name: 'Ada List' }),
    await createAuthor(payload, { name: 'Ben List' }),
  ]
  sources = [
    await createSource(payload, { name: 'List Wire' }),
    await createSource(payload, { name: 'List Review', kind: 'magazine' }),
  ]
  const { publisher } = await desk(payload)
  for (let i = 0; i < 14; i++) {
    const article = await createArticle(
      payload,
      {
        title: `Listed ${i}`,
        dek: `Standfirst ${i}`,
        tags: i % 2 ? ['economy'] : ['culture', 'ports'],
        authors: i % 4 === 0 ? [authors[1].id, authors[0].id] : [authors[i % 2].id],
        heroImage: i % 5 === 0 ? image.id : undefined,
        body: i % 3 === 0 ? body('Text', { quote: 'Q', source: sources[1].id }) : body('Text'),
      },
      i % 7 === 6 ? 'draft' : 'published',
    )
    if (i === 4) await transitionAs(payload, publisher, { id: article.id, action: 'unpublish' })
  }
})
afterAll(() => server?.close())

const queries: [string, ListQuery][] = [
  ['the newest', { limit: 20, page: 1 }],
  ['a short first page', { limit: 5, page: 1 }],
  ['a later page', { limit: 5, page: 2 }],
  ['past the end', { limit: 5, page: 4 }],
  ['by author', { limit: 20, page: 1, author: 'ada-list' }],
  ['by source', { limit: 20, page: 1, source: 'list-review' }],
  ['by tag', { limit: 20, page: 1, tag: 'ports' }],
  ['by author and tag', { limit: 3, page: 1, author: 'ben-list', tag: 'economy' }],
  ['by an unknown author', { limit: 20, page: 1, author: 'nobody' }],
]

/** The list as Payload's Local API answers it for an anonymous reader. */
async function anonymousList(query: ListQuery): Promise<PublicList> {
  const and: Where[] = [{ _status: { equals: 'published' } }]
  if (query.author !== undefined) and.push({ 'authors.slug': { equals: query.author } })
  if (query.source !== undefined) and.push({ 'sources.slug': { equals: query.source } })
  if (query.tag !== undefined) and.push({ tags: { equals: query.tag } })
  const found = await payload.find({
    collection: 'articles',
    where: { and },
    select: {
      title: true,
      slug: true,
      dek: true,
      publishedAt: true,
      heroImage: true,
      authors: true,
    },
    populate: { authors: { name: true, slug: true } },
    sort: '-publishedAt',
    depth: 1,
    limit: query.limit,
    page: query.page,
    overrideAccess: false,
  })
  return listPage(found.docs as unknown as ListedArticle[], query, found.hasNextPage)
}

describe('public lists from the read model', () => {
  it.each(queries)('lists %s exactly as Payload does for the public', async (_name, query) => {
    expect(JSON.parse(await listPublicArticles(payload, query))).toEqual(
      json(await anonymousList(query)),
    )
  })

  it('lists only published articles, newest first, with their authors in order', async () => {
    const { docs } = JSON.parse(await listPublicArticles(payload, { limit: 100, page: 1 })) as {
      docs: ListedArticle[]
    }
    expect(docs.map((d) => d.title)).not.toContain('Listed 6')
    expect(docs.map((d) => d.title)).not.toContain('Listed 4')
    expect(docs).toHaveLength(11)
    const dates = docs.map((d) => d.publishedAt!)
    expect([...dates].sort().reverse()).toEqual(dates)
    expect(docs.find((d) => d.title === 'Listed 8')!.authors).toMatchObject([
      { name: 'Ben List' },
      { name: 'Ada List' },
    ])
    expect(docs.find((d) => d.title === 'Listed 0')!.heroImage).toMatchObject({
      alt: 'Quay',
      url: expect.stringContaining('quay'),
    })
  })
})

describe('GET /api/public/articles', () => {
  const get = async (query: string) => {
    const res = await fetch(`${server.url}/api/public/articles${query}`)
    return { status: res.status, body: await res.json() }
  }

  it('answers a page of cards, and filters by author, source and tag', async () => {
    const page = await get('?limit=5')
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({
      page: 1,
      limit: 5,
      hasPrevPage: false,
      hasNextPage: true,
      prevPage: null,
      nextPage: 2,
    })
    expect(Object.keys(page.body.docs[0]).sort()).toEqual([
      'authors',
      'dek',
      'heroImage',
      'id',
      'publishedAt',
      'slug',
      'title',
    ])
    expect((await get('?tag=ports')).body.docs.length).toBeGreaterThan(0)
    expect(
      (await get(`?author=${authors[0].slug}`)).body.docs.every(
        (d: { authors: { slug: string }[] }) => d.authors.some((a) => a.slug === authors[0].slug),
      ),
    ).toBe(true)
    expect((await get(`?source=${sources[1].slug}`)).body.docs.length).toBeGreaterThan(0)
  })

  it.each([
    ['?limit=0', 'limit must be a whole number from 1 to 100, got "0".'],
    ['?limit=500', 'limit must be a whole number from 1 to 100, got "500".'],
    ['?page=-1', 'page must be a whole number from 1 to 1000, got "-1".'],
    ['?page=1.5', 'page must be a whole number from 1 to 1000, got "1.5".'],
    ['?author[equals]=x', 'author must be one slug of 1 to 120 characters.'],
    [`?source=${'x'.repeat(121)}`, 'source must be one slug of 1 to 120 characters.'],
    [`?tag=${'x'.repeat(101)}`, 'tag must be one tag of 1 to 100 characters.'],
  ])('answers %s with 400 naming the parameter', async (query, message) => {
    expect(await get(query)).toEqual({ status: 400, body: { errors: [{ message }] } })
  })
})
