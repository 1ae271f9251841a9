import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { MAX_GRAPHQL_ROWS } from '../../src/graphql/queryLimits'
import { MAX_DEPTH, PUBLIC_LIMIT, STAFF_LIMIT } from '../../src/hooks/capPublicQueries'
import {
  MAX_TEXT_MATCH_LENGTH,
  MAX_WHERE_CONDITIONS,
  MAX_WHERE_NESTING,
} from '../../src/lib/whereShape'
import type { Article, Comment, User } from '../../src/payload-types'
import { createArticle, createAuthor, createSource, createUser, desk } from '../helpers/factories'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'
import { startProductionServer } from '../helpers/productionServer'

/** Abuse of the read API (huge pages, deep population, heavy filters, costly GraphQL), headers and 500s. */

let server: TestServer
let payload: Payload
let editor: User
let article: Article
let authorId: NonNullable<Article['authors']>[number]
let reply: Comment
const auth = { editor: '', contributor: '' }

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}${url}`, { headers })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null }
}
const message = (body: { errors?: { message: string }[] }) => body.errors?.[0]?.message
/** `where[or][0][or][0]…[title][equals]=…`, and/or nested `levels` deep. */
const nested = (levels: number) =>
  `where${'[or][0]'.repeat(levels)}[title][equals]=${encodeURIComponent(article.title)}`

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  const contributor = await createUser(payload, ['contributor'])
  const author = await createAuthor(payload, { name: 'Sam Byline', user: contributor.id })
  authorId = author.id
  const source = await createSource(payload, { name: 'Port Authority' })
  article = await createArticle(
    payload,
    { title: 'Harbour reopens', authors: [author.id], sources: [source.id] },
    'published',
  )
  const comment = (data: Partial<Comment>) =>
    payload.create({
      collection: 'comments',
      data: {
        article: article.id,
        authorName: 'Reader',
        authorEmail: 'r@example.test',
        body: 'Yes.',
        status: 'approved',
        ...data,
      },
    })
  reply = await comment({ parent: (await comment({})).id })
  editor = (await desk(payload)).editor
  auth.editor = await login(server.url, editor.email)
  auth.contributor = await login(server.url, contributor.email)
})
afterAll(() => server?.close())

describe('page size and population', () => {
  it(`clamps a staff member's limit to ${STAFF_LIMIT}, also for limit=0, a negative limit and pagination=false`, async () => {
    const headers = { Authorization: auth.editor }
    for (const query of ['limit=100000', 'limit=0', 'limit=-1', 'pagination=false']) {
      const { status, body } = await get(`/api/articles?${query}`, headers)
      expect(status).toBe(200)
      expect(body.limit).toBe(STAFF_LIMIT)
    }
    expect((await get('/api/articles?limit=25', headers)).body.limit).toBe(25)
    expect((await get('/api/articles/versions?limit=100000', headers)).body.limit).toBe(STAFF_LIMIT)
  })

  it(`keeps contributors and the public at ${PUBLIC_LIMIT}`, async () => {
    expect(
      (await get('/api/articles?limit=1000', { Authorization: auth.contributor })).body.limit,
    ).toBe(PUBLIC_LIMIT)
    expect((await get('/api/articles?limit=-1')).body.limit).toBe(PUBLIC_LIMIT)
  })

  it(`still populates every related document, even more than a page (${PUBLIC_LIMIT}) of them`, async () => {
    const sources = []
    for (let i = 0; i <= PUBLIC_LIMIT; i++) sources.push((await createSource(payload)).id)
    const cited = await createArticle(payload, { authors: [authorId], sources }, 'published')
    const { body } = await get(`/api/articles/${cited.id}?depth=1`)
    expect(body.sources).toHaveLength(PUBLIC_LIMIT + 1)
    expect(body.sources.every((source: unknown) => typeof source === 'object')).toBe(true)
  })

  it(`populates at most ${MAX_DEPTH} levels for staff too`, async () => {
    // reply → parent comment (1) → its article (2) → the article's authors (3) → an author's account (4).
    // A populated article carries only its title and slug unless asked for more (`populate`).
    const { status, body } = await get(
      `/api/comments/${reply.id}?depth=10&populate[articles][authors]=true`,
      {
        Authorization: auth.editor,
      },
    )
    expect(status).toBe(200)
    const byline = body.parent.article.authors[0]
    expect(byline.name).toBe('Sam Byline')
    expect(['number', 'string']).toContain(typeof byline.user)
    const four = await payload.findByID({
      collection: 'comments',
      id: reply.id,
      depth: 4,
      populate: { articles: { authors: true } },
    })
    expect(
      typeof ((four.parent as Comment).article as Article & { authors: { user: unknown }[] })
        .authors[0].user,
    ).toBe('object')
  })
})

describe('filters', () => {
  it(`answers a filter nested ${MAX_WHERE_NESTING + 1} levels deep with 400 naming the limit, over REST and GraphQL`, async () => {
    const rest = await get(`/api/articles?${nested(MAX_WHERE_NESTING + 1)}`)
    expect(rest.status).toBe(400)
    expect(message(rest.body)).toBe(
      `This filter nests and/or more than ${MAX_WHERE_NESTING} levels deep; at most ${MAX_WHERE_NESTING} are allowed.`,
    )
    const where = (levels: number) =>
      `${'{ OR: [ '.repeat(levels)}{ title: { equals: "Harbour reopens" } }${' ] }'.repeat(levels)}`
    const deep = await graphql(
      server.url,
      `{ Articles(where: ${where(MAX_WHERE_NESTING + 1)}) { totalDocs } }`,
    )
    expect(deep.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`at most ${MAX_WHERE_NESTING}`),
      extensions: { statusCode: 400 },
    })
    const allowed = await graphql(
      server.url,
      `{ Articles(where: ${where(MAX_WHERE_NESTING)}) { totalDocs } }`,
    )
    expect(allowed.body).toEqual({ data: { Articles: { totalDocs: 1 } } })
    expect((await get(`/api/articles?${nested(4)}`)).body.totalDocs).toBe(1)
    const fiveInQueryString = await get(`/api/articles?${nested(5)}`)
    expect(fiveInQueryString.status).toBe(400)
    expect(message(fiveInQueryString.body)).toBe(
      'A query string nests and/or at most 4 levels deep (10 brackets); send a deeper filter over GraphQL.',
    )
  })

  it(`answers ${MAX_WHERE_CONDITIONS + 1} conditions with 400 naming the limit, and accepts ${MAX_WHERE_CONDITIONS}`, async () => {
    const conditions = (n: number) =>
      Array.from({ length: n }, (_, i) => `where[or][${i}][slug][equals]=s${i}`).join('&')
    const tooMany = await get(`/api/articles?${conditions(MAX_WHERE_CONDITIONS + 1)}`, {
      Authorization: auth.editor,
    })
    expect(tooMany.status).toBe(400)
    expect(message(tooMany.body)).toBe(
      `This filter has more than ${MAX_WHERE_CONDITIONS} conditions; at most ${MAX_WHERE_CONDITIONS} are allowed.`,
    )
    expect((await get(`/api/articles?${conditions(MAX_WHERE_CONDITIONS)}`)).status).toBe(200)
  })

  it(`answers a like or contains text over ${MAX_TEXT_MATCH_LENGTH} characters with 400 naming the limit`, async () => {
    const long = 'harbour '.repeat(20)
    for (const operator of ['like', 'contains']) {
      const res = await get(`/api/articles?where[title][${operator}]=${encodeURIComponent(long)}`, {
        Authorization: auth.editor,
      })
      expect(res.status).toBe(400)
      expect(message(res.body)).toBe(
        `Cannot filter "title" with ${operator}: the text is ${long.length} characters; at most ${MAX_TEXT_MATCH_LENGTH} are allowed.`,
      )
    }
    expect(
      (await get(`/api/articles?where[title][like]=${'a'.repeat(MAX_TEXT_MATCH_LENGTH)}`)).status,
    ).toBe(200)
  })
})

describe('GraphQL', () => {
  it('answers the README queries and a 100-article page with authors and sources', async () => {
    const readme = await graphql(
      server.url,
      '{ Articles(limit: 20, sort: "-publishedAt", where: { tags: { equals: "transport" } }) { totalDocs docs { title slug dek publishedAt authors { name slug } sources { name kind } } } }',
    )
    expect(readme.body.errors).toBeUndefined()
    const page = await graphql(
      server.url,
      '{ Articles(limit: 100) { docs { title authors { name } sources { name } } } }',
    )
    expect(page.body.errors).toBeUndefined()
    expect(page.body.data.Articles.docs).toContainEqual({
      title: 'Harbour reopens',
      authors: [{ name: 'Sam Byline' }],
      sources: [{ name: 'Port Authority' }],
    })
    const draft = await createArticle(payload, { title: 'Ferry timetable', authors: [authorId] })
    const mutation = await graphql(
      server.url,
      `mutation { articleWorkflow(id: "${draft.id}", action: "submit", note: "Ready.") { id reviewState allowedActions } }`,
      undefined,
      auth.editor,
    )
    expect(mutation.body.errors).toBeUndefined()
    expect(mutation.body.data.articleWorkflow.reviewState).toBe('in_review')
  })

  it('refuses a query that fans out through relation after relation, before running it', async () => {
    const find = vi.spyOn(payload.db, 'find')
    const { status, body } = await graphql(
      server.url,
      `
        {
          Comments(limit: 100) {
            docs {
              parent {
                parent {
                  article {
                    authors {
                      photo {
                        url
                      }
                    }
                    sources {
                      name
                    }
                    heroImage {
                      url
                    }
                  }
                }
              }
              article {
                authors {
                  photo {
                    url
                  }
                }
                sources {
                  name
                }
                heroImage {
                  url
                }
              }
            }
          }
        }
      `,
    )
    expect(find).not.toHaveBeenCalled()
    find.mockRestore()
    // graphql-http answers a request that does not ask for application/graphql-response+json with 200.
    expect(status).toBe(200)
    expect(body.data).toBeUndefined()
    expect(message(body)).toMatch(
      /^The query exceeds the maximum complexity of 100\. Actual complexity is \d+/,
    )
  })

  it(`refuses lists that ask for more than ${MAX_GRAPHQL_ROWS} documents together`, async () => {
    const aliases = Array.from(
      { length: 6 },
      (_, i) => `a${i}: Articles(limit: 100) { totalDocs }`,
    ).join(' ')
    const { body } = await graphql(server.url, `{ ${aliases} }`)
    expect(body.data).toBeUndefined()
    expect(message(body)).toBe(
      `This query asks for up to 600 documents in its lists; at most ${MAX_GRAPHQL_ROWS} are allowed per query. Ask for smaller pages or split the query.`,
    )
    const byVariable = await graphql(
      server.url,
      'query ($n: Int) { Articles(limit: $n) { totalDocs } Sources(limit: $n) { totalDocs } }',
      {
        n: 300,
      },
    )
    expect(message(byVariable.body)).toMatch(/up to 600 documents/)
    const unpaginated = await graphql(
      server.url,
      '{ Articles(pagination: false) { totalDocs } Sources { totalDocs } }',
    )
    expect(message(unpaginated.body)).toMatch(/up to 510 documents/)
  })

  it('answers introspection outside production', async () => {
    const { body } = await graphql(server.url, '{ __schema { queryType { name } } }')
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } })
  })
})

describe('headers', () => {
  it('sends CSP (frame-ancestors none), nosniff, Referrer-Policy, X-Frame-Options and a request id on API responses', async () => {
    for (const url of ['/api/articles', '/api/nope', '/healthz']) {
      const { headers } = await get(url)
      const csp = headers.get('content-security-policy') ?? ''
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(headers.get('x-content-type-options')).toBe('nosniff')
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(headers.get('x-frame-options')).toBe('DENY')
      expect(headers.get('cross-origin-resource-policy')).toBe('cross-origin')
      expect(headers.get('x-powered-by')).toBeNull()
      expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('lets the GraphQL playground (not in production) load its code from its CDN', async () => {
    const { status, headers } = await fetch(`${server.url}/api/graphql-playground`)
    expect(status).toBe(200)
    expect(headers.get('content-security-policy')).toContain(
      "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
    )
  })

  it("keeps a caller's X-Request-Id when it is safe, and replaces one that is not", async () => {
    expect(
      (await get('/api/articles', { 'X-Request-Id': 'lb-7f3a.2:9' })).headers.get('x-request-id'),
    ).toBe('lb-7f3a.2:9')
    for (const unsafe of ['has space', 'x'.repeat(101), '<script>']) {
      expect(
        (await get('/api/articles', { 'X-Request-Id': unsafe })).headers.get('x-request-id'),
      ).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})

describe('unexpected errors', () => {
  const SQL_ERROR = 'SQLITE_ERROR: no such column: "secret" in SELECT "id", "secret" FROM "sources"'
  /** Log lines as written by Payload's logger (pino), captured instead of printed. */
  const captureLog = () => {
    const logger = payload.logger as unknown as Record<symbol, { write: (line: string) => boolean }>
    const stream =
      logger[
        Object.getOwnPropertySymbols(logger).find((symbol) => symbol.description === 'pino.stream')!
      ]
    const lines: Record<string, any>[] = []
    const write = vi
      .spyOn(stream, 'write')
      .mockImplementation((line: string) => (lines.push(JSON.parse(line)), true))
    return { lines, restore: () => write.mockRestore() }
  }

  it('answer 500 with a request id and no stack or SQL, and the log line carries the same id', async () => {
    const find = vi.spyOn(payload.db, 'find').mockRejectedValueOnce(new Error(SQL_ERROR))
    const log = captureLog()
    const res = await get('/api/sources')
    log.restore()
    find.mockRestore()

    expect(res.status).toBe(500)
    const requestId = res.headers.get('x-request-id')
    expect(res.body).toEqual({ errors: [{ message: 'Something went wrong.', requestId }] })
    expect(res.text).not.toMatch(/SQLITE|SELECT|stack|\.ts:\d+/)
    const errors = log.lines.filter((line) => line.level >= 50)
    expect(errors).toEqual([
      expect.objectContaining({ requestId, err: expect.objectContaining({ message: SQL_ERROR }) }),
    ])
  })

  it('use the id the caller sent, and answer the same way over GraphQL', async () => {
    const find = vi.spyOn(payload.db, 'find').mockRejectedValueOnce(new Error(SQL_ERROR))
    const log = captureLog()
    const res = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'edge-42' },
      body: JSON.stringify({ query: '{ Sources { docs { name } } }' }),
    })
    log.restore()
    find.mockRestore()

    const text = await res.text()
    expect(res.headers.get('x-request-id')).toBe('edge-42')
    expect(JSON.parse(text).errors[0]).toMatchObject({
      message: 'Something went wrong.',
      extensions: { statusCode: 500, requestId: 'edge-42' },
    })
    expect(text).not.toMatch(/SQLITE|SELECT|stack|\.ts:\d+/)
    expect(log.lines.filter((line) => line.level >= 50).map((line) => line.requestId)).toEqual([
      'edge-42',
    ])
  })
})

describe('in production', () => {
  it('refuses GraphQL introspection, has no playground, and limits lists as in tests', async () => {
    const { base, child, exited } = await startProductionServer()
    try {
      const { body } = await graphql(base, '{ __schema { types { name } } }')
      expect(body.data).toBeUndefined()
      expect(message(body)).toBe(
        'GraphQL introspection is not allowed, but the query contained __schema or __type',
      )
      expect((await graphql(base, '{ Articles { totalDocs } }')).body).toEqual({
        data: { Articles: { totalDocs: 0 } },
      })
      const aliases = Array.from(
        { length: 6 },
        (_, i) => `a${i}: Articles(limit: 100) { totalDocs }`,
      ).join(' ')
      expect(message((await graphql(base, `{ ${aliases} }`)).body)).toMatch(/up to 600 documents/)
      expect((await fetch(`${base}/api/graphql-playground`)).status).toBe(404)
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  }, 40_000)
})
