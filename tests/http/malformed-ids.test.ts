import type { FlattenedField, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  ARTICLES,
  AUTHORS,
  COMMENTS,
  MEDIA,
  SOURCES,
  USERS,
  WORKFLOW_EVENTS,
} from '../../src/collections/slugs'
import type { Article, Author, Comment } from '../../src/payload-types'
import { createArticle, createAuthor, createSource, createUser } from '../helpers/factories'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload, usingMongo } from '../helpers/payload'

/**
 * Issue 13: a malformed id or relation value — in a path, a filter or a GraphQL argument — answers
 * 404 (path, by-id argument) or 400 (filter) naming the value, never a 500; on SQLite `1abc` and
 * `1' OR 1=1` used to read, change and delete document 1.
 */

const HEX = '665f1c2ab0d4e8a9c3f70b12'
const mongo = usingMongo()

/** As they are written into a URL (percent-encoded where they must be). */
const MALFORMED = [
  'abc',
  '1abc',
  '1%27%20OR%201%3D1',
  '%20',
  '%201',
  '1%20',
  '-1',
  '0',
  '01',
  '1.5',
  '0x10',
  '1e3',
  '99999999999999999999',
  '%5Bobject%20Object%5D',
  // Well-formed for the other adapter.
  ...(mongo ? ['1', '42'] : [HEX]),
]
/** A filter value can also be empty (`where[id][equals]=`); an empty path segment is the list route instead. */
const MALFORMED_IN_FILTERS = [...MALFORMED, '']

/** What the message calls one document of each collection. */
const NAMES: Record<string, string> = {
  [ARTICLES]: 'article',
  [AUTHORS]: 'author',
  [SOURCES]: 'source',
  [COMMENTS]: 'comment',
  [MEDIA]: 'media',
  [USERS]: 'user',
  [WORKFLOW_EVENTS]: 'workflow event',
}
const SLUGS = Object.keys(NAMES)
/** GraphQL's by-id query of each collection. */
const BY_ID_QUERY: Record<string, string> = {
  [ARTICLES]: 'Article',
  [AUTHORS]: 'Author',
  [SOURCES]: 'Source',
  [COMMENTS]: 'Comment',
  [MEDIA]: 'Media',
  [USERS]: 'User',
  [WORKFLOW_EVENTS]: 'WorkflowEvent',
}
const ID_TYPE = mongo ? 'String!' : 'Int!'

let server: TestServer
let payload: Payload
let auth = ''
let article: Article
let second: Article
let author: Author
let comment: Comment

type Answer = {
  status: number
  body: {
    errors?: { message: string }[]
    docs?: { id: unknown }[]
    id?: unknown
    totalDocs?: number
  }
}
const send = async (method: string, url: string, body?: object): Promise<Answer> => {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { Authorization: auth, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : {} }
}
const messageOf = (answer: Answer) => answer.body.errors?.[0]?.message ?? ''
const decoded = (value: string) => JSON.stringify(decodeURIComponent(value))

/** Sends the requests (ten at a time) and lists every answer that is not the expected status with the expected message. */
async function refusals(
  requests: { method: string; url: string; body?: object; status: number; message: string }[],
): Promise<string[]> {
  const wrong: string[] = []
  for (let start = 0; start < requests.length; start += 10) {
    await Promise.all(
      requests.slice(start, start + 10).map(async ({ method, url, body, status, message }) => {
        const answer = await send(method, url, body)
        if (answer.status !== status || !messageOf(answer).includes(message)) {
          wrong.push(
            `${method} ${url} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)} (expected ${status} "${message}")`,
          )
        }
      }),
    )
  }
  return wrong
}

/** Relationship and upload fields of a collection, by where path (`heroImage`, `authors`), groups and tabs included. */
function relationPaths(fields: FlattenedField[] | undefined, prefix = ''): string[] {
  return (fields ?? []).flatMap((field) => {
    if (field.type === 'relationship' || field.type === 'upload') return [`${prefix}${field.name}`]
    if (field.type === 'group' || field.type === 'tab')
      return relationPaths(field.flattenedFields, `${prefix}${field.name}.`)
    return []
  })
}

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  const admin = await createUser(payload, ['admin'])
  auth = await login(server.url, admin.email)
  author = await createAuthor(payload, { name: 'Ada Byline' })
  const source = await createSource(payload)
  article = await createArticle(
    payload,
    { authors: [author.id], sources: [source.id] },
    'published',
  )
  second = await createArticle(payload, { authors: [author.id] })
  comment = await payload.create({
    collection: COMMENTS,
    data: {
      article: article.id,
      authorName: 'Reader',
      authorEmail: 'r@example.test',
      body: 'Well put.',
      status: 'approved',
    },
  })
})
afterAll(() => server?.close())

describe('valid ids still work', () => {
  it('reads a document, its versions and its workflow by id, over REST', async () => {
    expect((await send('GET', `/api/articles/${article.id}`)).body.id).toBe(article.id)
    expect((await send('GET', `/api/comments/${comment.id}`)).body.id).toBe(comment.id)
    expect((await send('GET', `/api/authors/${author.id}`)).body.id).toBe(author.id)
    const versions = await send('GET', `/api/articles/versions?where[parent][equals]=${article.id}`)
    expect(versions.status).toBe(200)
    const version = versions.body.docs?.[0]?.id
    expect(version).toBeDefined()
    expect((await send('GET', `/api/articles/versions/${version}`)).status).toBe(200)
    expect((await send('GET', `/api/articles/${article.id}/workflow`)).status).toBe(200)
  })

  it('filters by id and by relation, one value, lists and comma-separated lists, and null', async () => {
    const ids = async (url: string) => {
      const answer = await send('GET', url)
      expect(answer.status, url).toBe(200)
      return (answer.body.docs ?? []).map((doc) => doc.id)
    }
    expect(await ids(`/api/articles?where[authors][in][]=${author.id}&sort=createdAt`)).toEqual([
      article.id,
      second.id,
    ])
    expect(
      await ids(
        `/api/articles?where[authors][equals]=${author.id}&where[id][not_equals]=${second.id}`,
      ),
    ).toEqual([article.id])
    expect(
      await ids(`/api/articles?where[id][in]=${article.id},${second.id}&sort=createdAt`),
    ).toEqual([article.id, second.id])
    expect(await ids(`/api/articles?where[or][0][id][equals]=${second.id}`)).toEqual([second.id])
    expect(await ids(`/api/comments?where[article][equals]=${article.id}`)).toEqual([comment.id])
    expect(await ids(`/api/comments?where[parent][equals]=null`)).toEqual([comment.id])
    expect(await ids(`/api/comments?where[article.id][equals]=${article.id}`)).toEqual([comment.id])
    // The admin list searches `id` with like in collections without a title: a search, not an id.
    expect(await ids(`/api/workflow-events?where[id][like]=abc`)).toEqual([])
    // An empty path segment is the list, not an id.
    expect((await send('GET', '/api/articles/')).status).toBe(200)
  })

  it('reads by id and filters by relation over GraphQL, and runs the workflow mutation', async () => {
    const byId = await graphql(
      server.url,
      `query ($id: ${ID_TYPE}) { Article(id: $id) { id } }`,
      { id: article.id },
      auth,
    )
    expect(byId.body.errors).toBeUndefined()
    expect(byId.body.data.Article.id).toBe(article.id)
    const related = await graphql(
      server.url,
      'query ($ids: [JSON]) { Articles(where: { authors: { in: $ids } }, sort: "createdAt") { docs { id } } }',
      { ids: [author.id] },
      auth,
    )
    expect(related.body.data.Articles.docs.map((doc: { id: unknown }) => doc.id)).toEqual([
      article.id,
      second.id,
    ])
    const workflow = await graphql(
      server.url,
      'mutation ($id: ID!) { articleWorkflow(id: $id, action: "submit") { id reviewState } }',
      { id: String(second.id) },
      auth,
    )
    expect(workflow.body.errors).toBeUndefined()
    expect(workflow.body.data.articleWorkflow.reviewState).toBe('in_review')
  })
})

describe.each(SLUGS)('/api/%s', (slug) => {
  it('answers 404 naming the value for a malformed id in every by-id route', async () => {
    const config = payload.collections[slug as keyof typeof payload.collections].config
    const name = NAMES[slug]
    const requests = MALFORMED.flatMap((value) => {
      const message = `${decoded(value)} is not a valid ${name} id`
      const version = `${decoded(value)} is not a valid ${name} version id`
      return [
        { method: 'GET', url: `/api/${slug}/${value}`, status: 404, message },
        { method: 'PATCH', url: `/api/${slug}/${value}`, body: {}, status: 404, message },
        { method: 'DELETE', url: `/api/${slug}/${value}`, status: 404, message },
        { method: 'POST', url: `/api/${slug}/access/${value}`, status: 404, message },
        ...(config.disableDuplicate
          ? []
          : [
              {
                method: 'POST',
                url: `/api/${slug}/${value}/duplicate`,
                body: {},
                status: 404,
                message,
              },
            ]),
        { method: 'GET', url: `/api/${slug}/versions/${value}`, status: 404, message: version },
        { method: 'POST', url: `/api/${slug}/versions/${value}`, status: 404, message: version },
      ]
    })
    expect(await refusals(requests)).toEqual([])
  }, 120_000)

  it('answers 400 naming the filter and the value for a malformed id or relation in a where', async () => {
    const config = payload.collections[slug as keyof typeof payload.collections].config
    const relations = relationPaths(config.flattenedFields)
    const requests = MALFORMED_IN_FILTERS.flatMap((value) => {
      const refused = (at: string) => `${at}: ${decoded(value)} is not a valid id`
      // An empty item of a query-string list is no item: `in[]=` is the empty list, which is fine.
      const asList = (query: string, at: string): [string, string][] =>
        value === '' ? [] : [[query, at]]
      const valid = mongo ? HEX : '1'
      const filters: [string, string][] = [
        [`where[id][equals]=${value}`, 'where[id][equals]'],
        [`where[id][not_equals]=${value}`, 'where[id][not_equals]'],
        ...asList(`where[id][in][]=${value}`, 'where[id][in]'),
        [`where[id][not_in]=${valid},${value}`, 'where[id][not_in]'],
        [`where[id][greater_than]=${value}`, 'where[id][greater_than]'],
        [
          `where[or][0][id][exists]=true&where[or][1][id][equals]=${value}`,
          'where[or][1][id][equals]',
        ],
        ...relations.flatMap((path): [string, string][] => [
          [`where[${path}][equals]=${value}`, `where[${path}][equals]`],
          [`where[${path}][not_equals]=${value}`, `where[${path}][not_equals]`],
          ...asList(
            `where[${path}][in][]=${valid}&where[${path}][in][]=${value}`,
            `where[${path}][in]`,
          ),
          ...asList(`where[and][0][${path}][not_in][0]=${value}`, `where[and][0][${path}][not_in]`),
          [`where[${path}.id][equals]=${value}`, `where[${path}.id][equals]`],
        ]),
      ]
      return [
        ...filters.map(([query, at]) => ({
          method: 'GET',
          url: `/api/${slug}?${query}`,
          status: 400,
          message: refused(at),
        })),
        {
          method: 'GET',
          url: `/api/${slug}/count?where[id][equals]=${value}`,
          status: 400,
          message: refused('where[id][equals]'),
        },
        {
          method: 'GET',
          url: `/api/${slug}/versions?where[parent][equals]=${value}`,
          status: 400,
          message: refused('where[parent][equals]'),
        },
        // Bulk changes only with `equals`: a filter that slipped through would touch nothing.
        {
          method: 'PATCH',
          url: `/api/${slug}?where[id][equals]=${value}`,
          body: {},
          status: 400,
          message: refused('where[id][equals]'),
        },
        {
          method: 'DELETE',
          url: `/api/${slug}?where[id][equals]=${value}`,
          status: 400,
          message: refused('where[id][equals]'),
        },
      ]
    })
    expect(await refusals(requests)).toEqual([])
  }, 120_000)

  it('answers a GraphQL error naming the value for a malformed id argument, never an internal error', async () => {
    const query = BY_ID_QUERY[slug]
    // Values GraphQL's own id type lets through reach our check; the others it refuses itself.
    const passing = mongo ? ['abc', '1abc', '42', '', ` ${HEX}`] : [-1, 0]
    const refusedByType = mongo ? [42, 1.5] : [1.5, 'abc', '1abc', 2 ** 53]
    const wrong: string[] = []
    for (const id of [...passing, ...refusedByType]) {
      const { status, body } = await graphql(
        server.url,
        `query ($id: ${ID_TYPE}) { ${query}(id: $id) { id } }`,
        { id },
        auth,
      )
      const message = body.errors?.[0]?.message ?? ''
      const expected = passing.includes(id as never)
        ? `${JSON.stringify(id)} is not a valid ${NAMES[slug]} id`
        : JSON.stringify(id)
      const internal = body.errors?.some((error) => (error.extensions?.statusCode ?? 0) >= 500)
      if (status >= 500 || internal || !message.includes(expected))
        wrong.push(`${query}(id: ${JSON.stringify(id)}) → ${status} ${message}`)
    }
    expect(wrong).toEqual([])
  })
})

describe('GraphQL filters', () => {
  const idType = ID_TYPE.replace('!', '')
  it.each<[string, string, string, unknown, string]>([
    [
      'a malformed relation in a list',
      '[JSON]',
      '{ authors: { in: $v } }',
      ['1', 'x1'],
      'where[authors][in]: "x1" is not a valid id',
    ],
    [
      'a malformed relation',
      'JSON',
      '{ heroImage: { equals: $v } }',
      '1abc',
      'where[heroImage][equals]: "1abc" is not a valid id',
    ],
    [
      'an object as a relation',
      'JSON',
      '{ sources: { not_equals: $v } }',
      { $gt: 0 },
      'where[sources][not_equals]: an object is not a valid id',
    ],
    [
      'a malformed relation inside OR',
      'JSON',
      '{ OR: [{ title: { like: "a" } }, { submittedBy: { equals: $v } }] }',
      '-1',
      'where[OR][1][submittedBy][equals]: "-1" is not a valid id',
    ],
    [
      'a malformed id',
      idType,
      '{ id: { equals: $v } }',
      mongo ? 'abc' : -1,
      `where[id][equals]: ${mongo ? '"abc"' : '-1'} is not a valid id`,
    ],
  ])('answers a 400 error for %s', async (_, type, where, v, message) => {
    const answer = await graphql(
      server.url,
      `query ($v: ${type}) { Articles(where: ${where}) { docs { id } } }`,
      { v },
      auth,
    )
    expect(answer.status).toBeLessThan(500)
    expect(answer.body.errors?.[0]?.message).toContain(message)
    expect(answer.body.errors?.[0]?.extensions?.statusCode).toBe(400)
  })

  it('answers a 404 error for a malformed id in a mutation, ours and Payload’s', async () => {
    const wrong: string[] = []
    for (const id of ['abc', '1abc', "1' OR 1=1", ' 1', '-1', '1.5', '']) {
      const { status, body } = await graphql(
        server.url,
        'mutation ($id: ID!) { articleWorkflow(id: $id, action: "submit") { id } }',
        { id },
        auth,
      )
      const message = body.errors?.[0]?.message ?? ''
      if (status >= 500 || !message.includes(`${JSON.stringify(id)} is not a valid article id`))
        wrong.push(`articleWorkflow(id: ${JSON.stringify(id)}) → ${message}`)
    }
    for (const mutation of [
      'updateArticle(id: $id, data: { title: "x" }) { id }',
      'deleteComment(id: $id) { id }',
    ]) {
      const id = mongo ? 'abc' : -1
      const { body } = await graphql(
        server.url,
        `mutation ($id: ${ID_TYPE}) { ${mutation} }`,
        { id },
        auth,
      )
      if (!body.errors?.[0]?.message.includes(`${JSON.stringify(id)} is not a valid`))
        wrong.push(`${mutation} → ${JSON.stringify(body.errors)}`)
    }
    expect(wrong).toEqual([])
  })
})

describe('our endpoints', () => {
  it('answer 404 naming the value for a malformed article id: workflow and preview link', async () => {
    const requests = MALFORMED.flatMap((value) => {
      const message = `${decoded(value)} is not a valid article id`
      return [
        { method: 'GET', url: `/api/articles/${value}/workflow`, status: 404, message },
        {
          method: 'POST',
          url: `/api/articles/${value}/workflow`,
          body: { action: 'submit' },
          status: 404,
          message,
        },
        { method: 'POST', url: `/api/articles/${value}/preview-link`, status: 404, message },
      ]
    })
    expect(await refusals(requests)).toEqual([])
  }, 60_000)

  it('answer the public and preview routes with a 4xx, whatever the slug or token', async () => {
    const wrong: string[] = []
    for (const value of MALFORMED) {
      for (const url of [
        `/api/public/articles/${value}`,
        `/api/public/articles?author=${value}&source=${value}`,
        `/api/preview/${value}`,
      ]) {
        const { status } = await send('GET', url)
        if (status >= 500 || (url.includes('?') ? status !== 200 && status !== 400 : status < 400))
          wrong.push(`${url} → ${status}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('answers 400 for a path that is not valid percent-encoding, and logs it as a refusal: info, no stack', async () => {
    const logger = payload.logger as unknown as Record<symbol, { write: (line: string) => boolean }>
    const stream =
      logger[
        Object.getOwnPropertySymbols(logger).find((symbol) => symbol.description === 'pino.stream')!
      ]
    const lines: { level: number; msg?: string; err?: unknown }[] = []
    const write = vi
      .spyOn(stream, 'write')
      .mockImplementation((line: string) => (lines.push(JSON.parse(line)), true))
    const level = payload.logger.level
    payload.logger.level = 'info'
    try {
      for (const url of [
        '/api/articles/%E0%A4%A',
        '/api/articles/%E0%A4%A/workflow',
        '/api/comments/versions/%ZZ',
      ]) {
        const answer = await send('GET', url)
        expect(answer.status, url).toBe(400)
        expect(messageOf(answer)).toBe('The URL is not valid percent-encoding.')
      }
    } finally {
      payload.logger.level = level
      write.mockRestore()
    }
    expect(lines.filter((line) => line.level >= 40)).toEqual([])
    expect(lines.filter((line) => line.msg === 'URI malformed')).toEqual(
      Array(3).fill(expect.objectContaining({ level: 30 })),
    )
    expect(lines.some((line) => line.err)).toBe(false)
  })
})
