import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, Source } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import {
  body,
  createArticle,
  createAuthor,
  createSource,
  createUser,
  desk,
} from '../helpers/factories'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

let server: TestServer
let payload: Payload
let author: Author
let source: Source
let live: Article
let revised: Article
let draft: Article
let pulled: Article
let editorAuth: string

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}${path}`, { headers })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
}
const titles = (docs: { title: string }[]) => docs.map((d) => d.title).sort()
const SECRETS = ['Secret draft', 'Secret revision', 'Pulled piece']
const leaks = (value: unknown) => SECRETS.filter((secret) => JSON.stringify(value).includes(secret))

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  const writer = await createUser(payload, ['contributor'], 'Wanda Writer')
  author = await createAuthor(payload, { name: 'Wanda Writer', user: writer.id })
  source = await createSource(payload, { name: 'Harbour Wire' })
  const quoted = () => body('Text.', { quote: 'A quote.', source: source.id })
  live = await createArticle(
    payload,
    {
      title: 'Live piece',
      dek: 'Harbour news',
      tags: ['economy'],
      authors: [author.id],
      body: quoted(),
    },
    'published',
  )
  revised = await createArticle(
    payload,
    { title: 'Revised piece', authors: [author.id], body: quoted() },
    'published',
  )
  draft = await createArticle(payload, {
    title: 'Secret draft',
    authors: [author.id],
    tags: ['economy'],
    body: quoted(),
  })
  pulled = await createArticle(
    payload,
    { title: 'Pulled piece', authors: [author.id], body: quoted() },
    'published',
  )

  const { editor, publisher } = await desk(payload)
  await transitionAs(payload, publisher, { id: pulled.id, action: 'unpublish' })
  // A live article with a newer revision in review: the public must not be able to tell.
  await payload.update({
    collection: 'articles',
    id: revised.id,
    data: { title: 'Secret revision' },
    user: editor,
    overrideAccess: false,
  })
  await transitionAs(payload, editor, { id: revised.id, action: 'submit' })

  const approved = await payload.create({
    collection: 'comments',
    data: {
      article: live.id,
      authorName: 'Ann',
      authorEmail: 'ann@example.test',
      body: 'First!',
      status: 'approved',
    },
  })
  await payload.create({
    collection: 'comments',
    data: {
      article: live.id,
      parent: approved.id,
      authorName: 'Bo',
      authorEmail: 'bo@example.test',
      body: 'Reply',
      status: 'approved',
    },
  })
  await payload.create({
    collection: 'comments',
    data: {
      article: live.id,
      authorName: 'Cy',
      authorEmail: 'cy@example.test',
      body: 'Pending one',
      status: 'pending',
    },
  })
  await payload.create({
    collection: 'comments',
    data: {
      article: live.id,
      authorName: 'Spammer',
      authorEmail: 's@example.test',
      body: 'Spam',
      status: 'spam',
    },
  })
  editorAuth = await login(server.url, editor.email)
})
afterAll(() => server?.close())

describe('what anonymous readers never see, route by route', () => {
  it('GET /api/articles lists only the published versions, and totalDocs counts only them', async () => {
    const { body } = await get('/api/articles?limit=50')
    expect(titles(body.docs)).toEqual(['Live piece', 'Revised piece'])
    expect(body.totalDocs).toBe(2)
  })

  it('GET /api/articles/:id answers 404 for a draft and an unpublished article', async () => {
    expect((await get(`/api/articles/${draft.id}`)).status).toBe(404)
    expect((await get(`/api/articles/${pulled.id}`)).status).toBe(404)
    expect((await get(`/api/articles/${live.id}`)).status).toBe(200)
  })

  it('?draft=true still gives the published version, never the newer revision', async () => {
    const list = await get('/api/articles?draft=true&limit=50')
    expect(leaks(list.body)).toEqual([])
    const one = await get(`/api/articles/${revised.id}?draft=true`)
    expect(one.body.title).toBe('Revised piece')
  })

  it('GET /api/articles/versions and /versions/:id are refused', async () => {
    const versions = await get('/api/articles/versions')
    expect(versions.status).toBe(403)
    const { docs } = await payload.findVersions({ collection: 'articles', limit: 1 })
    expect((await get(`/api/articles/versions/${docs[0].id}`)).status).toBe(403)
  })

  it('?depth=N population through relations pulls in no draft and no revision', async () => {
    const { body } = await get('/api/comments?depth=3&limit=50')
    expect(body.docs.length).toBeGreaterThan(0)
    for (const comment of body.docs) expect(comment.article.title).toBe('Live piece')
    expect(leaks(body)).toEqual([])
    const authorPage = await get(`/api/authors/${author.id}?depth=3`)
    expect(leaks(authorPage.body)).toEqual([])
  })

  it('where on relation fields finds only published articles', async () => {
    const byName = await get(
      `/api/articles?where[authors.name][equals]=${encodeURIComponent(author.name)}&limit=50`,
    )
    expect(titles(byName.body.docs)).toEqual(['Live piece', 'Revised piece'])
    const bySource = await get(`/api/articles?where[sources.slug][equals]=${source.slug}&limit=50`)
    expect(bySource.body.totalDocs).toBe(2)
  })

  it('where on private fields reveals nothing (refused, or no different from a miss)', async () => {
    const byState = await get('/api/articles?where[reviewState][equals]=in_review')
    expect(byState.status === 400 || byState.body.totalDocs === 0).toBe(true)
    const hit = await get(
      `/api/articles?where[authors.user.email][like]=${encodeURIComponent('contributor')}`,
    )
    const miss = await get(
      `/api/articles?where[authors.user.email][like]=${encodeURIComponent('nobody-at-all')}`,
    )
    expect([hit.status, miss.status]).toEqual([400, 400])
    expect(hit.body).toEqual(miss.body)
    expect((await get('/api/articles?where[authors.user][equals]=1')).status).toBe(400)
    expect((await get('/api/authors?where[user][exists]=true')).status).toBe(400)
  })

  it('sort by a private field is refused; select of private fields returns none of them', async () => {
    const sorted = await get('/api/articles?sort=-reviewState')
    expect(sorted.status).toBe(400)
    expect(sorted.body.errors[0].message).toMatch(/not a public field/)
    const selected = await get(
      '/api/articles?select[title]=true&select[reviewState]=true&select[approvedBy]=true&select[submittedBy]=true',
    )
    for (const doc of selected.body.docs) expect(Object.keys(doc).sort()).toEqual(['id', 'title'])
  })

  it('?trash=true shows nothing more', async () => {
    const { body } = await get('/api/articles?trash=true&limit=50')
    expect(leaks(body)).toEqual([])
  })

  it('GraphQL Articles, Article, versionsArticles and nested relations show nothing hidden', async () => {
    const list = await graphql(
      server.url,
      '{ Articles(limit: 50) { totalDocs docs { title authors { name user { email } } } } }',
    )
    expect(list.body.data.Articles.totalDocs).toBe(2)
    expect(leaks(list.body)).toEqual([])
    expect(JSON.stringify(list.body)).not.toContain('@')
    const one = await graphql(server.url, `{ Article(id: ${draft.id}) { title } }`)
    expect(one.body.data?.Article ?? null).toBeNull()
    const drafted = await graphql(
      server.url,
      `{ Article(id: ${revised.id}, draft: true) { title } }`,
    )
    expect(leaks(drafted.body)).toEqual([])
    const versions = await graphql(
      server.url,
      '{ versionsArticles { docs { version { title } } } }',
    )
    expect(versions.body.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(leaks(versions.body)).toEqual([])
  })

  it('/api/comments shows only approved comments of published articles, whatever the where', async () => {
    const all = await get('/api/comments?limit=50')
    expect(all.body.docs.map((c: { body: string }) => c.body).sort()).toEqual(['First!', 'Reply'])
    expect(all.body.totalDocs).toBe(2)
    expect((await get('/api/comments?where[status][equals]=pending')).body.totalDocs).toBe(0)
    expect(
      (await get('/api/comments?where[status][in]=spam,rejected,pending')).body.totalDocs,
    ).toBe(0)
    for (const doc of all.body.docs) expect(doc).not.toHaveProperty('authorEmail')
  })

  it('the count endpoint counts only what the reader may see', async () => {
    expect((await get('/api/articles/count')).body.totalDocs).toBe(2)
    expect((await get('/api/comments/count')).body.totalDocs).toBe(2)
  })

  it('authors and sources are public, without the account behind an author', async () => {
    const { body } = await get(`/api/authors/${author.id}?depth=2`)
    expect(body.name).toBe('Wanda Writer')
    expect(body).not.toHaveProperty('user')
    expect((await get(`/api/sources/${source.id}`)).body.name).toBe('Harbour Wire')
    expect((await get('/api/users')).status).toBe(403)
    expect((await get('/api/workflow-events')).status).toBe(403)
  })

  it('carries no workflow internals: a live article with a revision in review looks like any other', async () => {
    const withRevision = (await get(`/api/articles/${revised.id}`)).body
    const plain = (await get(`/api/articles/${live.id}`)).body
    expect(Object.keys(withRevision).sort()).toEqual(Object.keys(plain).sort())
    for (const key of [
      'reviewState',
      'submittedBy',
      'approvedBy',
      'approvedHash',
      'editedSinceSubmit',
      'publishAt',
      'previewNonce',
    ]) {
      expect(withRevision).not.toHaveProperty(key)
    }
  })
})

describe('the reading API', () => {
  it('clamps limit to 100 and never dumps the table for limit=0 or pagination=false', async () => {
    expect((await get('/api/articles?limit=1000')).body.limit).toBe(100)
    expect((await get('/api/articles?limit=0')).body.limit).toBe(100)
    const unpaginated = await get('/api/articles?pagination=false')
    expect(unpaginated.body.limit).toBe(100)
    expect(unpaginated.body).toHaveProperty('totalPages')
    expect((await get('/api/articles?depth=50')).status).toBe(200)
  })

  it('filters by author slug, source slug, tag, date range and title/standfirst text, newest first', async () => {
    const q = (query: string) =>
      get(`/api/articles?${query}&limit=50`).then((r) => titles(r.body.docs))
    expect(await q(`where[authors.slug][equals]=${author.slug}`)).toEqual([
      'Live piece',
      'Revised piece',
    ])
    expect(await q(`where[sources.slug][equals]=${source.slug}`)).toEqual([
      'Live piece',
      'Revised piece',
    ])
    expect(await q('where[tags][equals]=economy')).toEqual(['Live piece'])
    expect(
      await q(
        'where[publishedAt][greater_than]=2000-01-01&where[publishedAt][less_than]=2999-01-01',
      ),
    ).toHaveLength(2)
    expect(await q('where[publishedAt][greater_than]=2999-01-01')).toEqual([])
    expect(await q('where[or][0][title][like]=harbour&where[or][1][dek][like]=harbour')).toEqual([
      'Live piece',
    ])
    const newest = await get('/api/articles')
    const dates = newest.body.docs.map((d: { publishedAt: string }) => d.publishedAt)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('answers the README GraphQL list query: a tag filter, newest first, with authors and sources', async () => {
    const { body } = await graphql(
      server.url,
      '{ Articles(limit: 20, sort: "-publishedAt", where: { tags: { equals: "economy" } }) { totalDocs docs { title slug authors { name slug } sources { name kind } } } }',
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles).toMatchObject({
      totalDocs: 1,
      docs: [
        {
          title: 'Live piece',
          authors: [{ name: 'Wanda Writer' }],
          sources: [{ name: 'Harbour Wire' }],
        },
      ],
    })
  })

  it('returns only the selected fields for a list page', async () => {
    const { body } = await get(
      '/api/articles?limit=20&depth=1&select[title]=true&select[slug]=true&select[authors]=true',
    )
    expect(Object.keys(body.docs[0]).sort()).toEqual(['authors', 'id', 'slug', 'title'])
    expect(body.docs[0].authors[0].name).toBe('Wanda Writer')
  })

  it('GET /api/public/articles/:slug returns the article with authors, sources and approved comments threaded', async () => {
    const { status, body, headers } = await get(`/api/public/articles/${live.slug}`)
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    expect(body.title).toBe('Live piece')
    expect(body.authors[0].name).toBe('Wanda Writer')
    expect(body.sources[0].name).toBe('Harbour Wire')
    expect(body.comments).toEqual([
      {
        id: expect.anything(),
        authorName: 'Ann',
        body: 'First!',
        createdAt: expect.any(String),
        replies: [
          {
            id: expect.anything(),
            authorName: 'Bo',
            body: 'Reply',
            createdAt: expect.any(String),
            replies: [],
          },
        ],
      },
    ])
    expect(JSON.stringify(body)).not.toContain('@example.test')
  })

  it('GET /api/public/articles/:slug answers 404 JSON for an unknown, draft or unpublished slug', async () => {
    for (const slug of ['no-such-piece', draft.slug, pulled.slug]) {
      const { status, body } = await get(`/api/public/articles/${slug}`)
      expect(status).toBe(404)
      expect(body.errors[0].message).toMatch(/No published article/)
    }
  })

  it('marks anonymous reads cacheable with an ETag and answers If-None-Match with 304', async () => {
    const first = await get('/api/articles')
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=300',
    )
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/".+"$/)
    const again = await fetch(`${server.url}/api/articles`, { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('lists the desk newest-updated first by default (the admin list), readers newest-published first', async () => {
    const desk = await get('/api/articles?limit=50&draft=true', { Authorization: editorAuth })
    const updated = desk.body.docs.map((d: { updatedAt: string }) => d.updatedAt)
    expect(updated).toEqual([...updated].sort().reverse())
    const readers = await get('/api/articles?limit=50')
    const published = readers.body.docs.map((d: { publishedAt: string }) => d.publishedAt)
    expect(published).toEqual([...published].sort().reverse())
  })

  it('marks authenticated reads private, no-store', async () => {
    const res = await get('/api/articles', { Authorization: editorAuth })
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.headers.get('etag')).toBeNull()
  })
})

describe('the public GraphQL reads (from the read model)', () => {
  const ARTICLE = `query ($slug: String!) {
    publicArticle(slug: $slug) {
      id title slug dek publishedAt tags commentsEnabled
      authors { id name slug } sources { id name slug kind }
      heroImage { url alt } body
      comments { authorName body replies { authorName body replies { authorName } } }
    }
  }`
  const LIST = `query ($author: String, $source: String, $tag: String, $page: Int, $limit: Int) {
    publicArticles(author: $author, source: $source, tag: $tag, page: $page, limit: $limit) {
      docs { id title slug dek publishedAt heroImage { url } authors { id name slug } }
      page limit hasPrevPage hasNextPage prevPage nextPage
    }
  }`

  it('publicArticle is the REST article page, field for field, and null when not public', async () => {
    const rest = (await get(`/api/public/articles/${live.slug}`)).body
    const { body } = await graphql(server.url, ARTICLE, { slug: live.slug })
    expect(body.errors).toBeUndefined()
    const page = body.data.publicArticle
    expect(page).toMatchObject({
      id: String(rest.id),
      title: rest.title,
      slug: rest.slug,
      dek: rest.dek,
      publishedAt: rest.publishedAt,
      tags: rest.tags,
      body: rest.body,
      heroImage: null,
    })
    expect(page.authors).toEqual(
      rest.authors.map((a: Author) => ({ id: String(a.id), name: a.name, slug: a.slug })),
    )
    expect(page.sources.map((s: Source) => s.name)).toEqual(['Harbour Wire'])
    expect(page.comments).toEqual([
      {
        authorName: 'Ann',
        body: 'First!',
        replies: [{ authorName: 'Bo', body: 'Reply', replies: [] }],
      },
    ])
    for (const slug of [draft.slug, pulled.slug, 'no-such-piece']) {
      const miss = await graphql(server.url, ARTICLE, { slug })
      expect(miss.body.errors).toBeUndefined()
      expect(miss.body.data.publicArticle).toBeNull()
    }
    // The revision in review stays out of sight here too.
    const shown = await graphql(server.url, ARTICLE, { slug: revised.slug })
    expect(shown.body.data.publicArticle.title).toBe('Revised piece')
    expect(leaks(shown.body)).toEqual([])
  })

  it('publicArticles is the REST list, with its filters and paging', async () => {
    for (const args of [{}, { tag: 'economy' }, { author: author.slug, limit: 1, page: 1 }]) {
      const query = new URLSearchParams(
        Object.entries(args).map(([key, value]) => [key, String(value)]),
      )
      const rest = (await get(`/api/public/articles?${query}`)).body
      const { body } = await graphql(server.url, LIST, args)
      expect(body.errors).toBeUndefined()
      expect(body.data.publicArticles).toEqual({
        ...rest,
        docs: rest.docs.map((doc: Record<string, unknown> & { authors: Author[] }) => ({
          ...doc,
          id: String(doc.id),
          heroImage: null,
          authors: doc.authors.map((a) => ({ id: String(a.id), name: a.name, slug: a.slug })),
        })),
      })
      expect(leaks(body)).toEqual([])
    }
  })

  it('answers a bad argument with the REST message and status', async () => {
    const { body } = await graphql(server.url, LIST, { limit: 500 })
    expect(body.errors![0].message).toBe('limit must be a whole number from 1 to 100, got 500.')
    expect(body.errors![0].extensions?.statusCode).toBe(400)
    expect(body.data?.publicArticles ?? null).toBeNull()
  })
})
