import type { FlattenedField, Payload } from 'payload'
import { validOperators } from 'payload/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ARTICLES } from '../../src/collections/slugs'
import type { Article, Author } from '../../src/payload-types'
import { createArticle, createAuthor, createSource, createUser } from '../helpers/factories'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload, testDatabase } from '../helpers/payload'

/**
 * Issue 13: every operator Payload accepts, on every field of every collection, answers a page or a
 * 4xx naming the problem, never a 500. Payload accepts any operator on any field and leaves it to
 * the database adapter; the SQLite adapter cannot run `all`, `near`, `within` or `intersects` at
 * all, and fails on some paths and operand shapes (src/lib/whereShape.ts).
 */

const HEX = '665f1c2ab0d4e8a9c3f70b12'
const database = testDatabase()
const mongo = database === 'mongodb'
const VALID_ID = mongo ? HEX : 1

let server: TestServer
let payload: Payload
let auth = ''
let article: Article
let author: Author

type Answer = {
  status: number
  type: string
  body: { errors?: { message?: string }[]; docs?: { id: unknown }[] }
}
const get = async (url: string): Promise<Answer> => {
  const res = await fetch(`${server.url}${url}`, { headers: { Authorization: auth } })
  const text = await res.text()
  let body: Answer['body'] = {}
  try {
    body = text ? JSON.parse(text) : {}
  } catch {
    // Not JSON: reported as such below.
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', body }
}
const messageOf = (answer: Answer) => answer.body.errors?.[0]?.message ?? ''

/** `where[tags][in]` with `['a', 'b']` → `where[tags][in][0]=a&where[tags][in][1]=b`, as a browser's qs would write it. */
function toQuery(key: string, value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => toQuery(`${key}[${index}]`, item))
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => toQuery(`${key}[${k}]`, v))
  return [`${key}=${encodeURIComponent(String(value))}`]
}

/** Every where path of a collection: its fields, those in groups, tabs and arrays, and the paths into JSON, rich text and polymorphic relations. */
function wherePaths(fields: FlattenedField[], prefix = ''): [string, FlattenedField][] {
  return fields.flatMap((field): [string, FlattenedField][] => {
    const path = `${prefix}${field.name}`
    const own: [string, FlattenedField] = [path, field]
    if ('flattenedFields' in field) return [own, ...wherePaths(field.flattenedFields, `${path}.`)]
    if (field.type === 'json') return [own, [`${path}.status`, field]]
    if (field.type === 'richText') return [own, [`${path}.root.type`, field]]
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      Array.isArray(field.relationTo)
    ) {
      return [own, [`${path}.value`, field], [`${path}.relationTo`, field]]
    }
    return [own]
  })
}

const POLYGON = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
}

/** A value a client could plausibly send to filter this field. */
function plausible(path: string, field: FlattenedField | undefined): unknown {
  if (!field || path.endsWith('.value')) return VALID_ID
  if (path.endsWith('.relationTo') && 'relationTo' in field) return [field.relationTo].flat()[0]
  switch (field.type) {
    case 'number':
      return 1
    case 'date':
      return '2026-05-01T09:00:00.000Z'
    case 'checkbox':
      return true
    case 'email':
      return 'reader@example.test'
    case 'select':
    case 'radio': {
      const [first] = field.options
      return typeof first === 'string' ? first : first?.value
    }
    case 'relationship':
    case 'upload':
      return Array.isArray(field.relationTo)
        ? { relationTo: field.relationTo[0], value: VALID_ID }
        : VALID_ID
    case 'point':
      return [1, 2]
    default:
      return 'harbour'
  }
}

/** The operands of an operator: plausible ones in the forms a client sends them, and a few of the wrong shape. */
function operands(operator: string, value: unknown): unknown[] {
  const wrong = [{ a: 'b' }, ['zz', 'zz'], 'zz']
  if (operator === 'exists') return [true, 'false', ...wrong]
  if (operator === 'near') return ['1,2,1000,0', [1, 2, 1000], ...wrong]
  if (operator === 'within' || operator === 'intersects') return [POLYGON, ...wrong]
  if (['in', 'not_in', 'all'].includes(operator))
    return [[value], typeof value === 'object' ? [value, value] : String(value), ...wrong]
  return [value, ...wrong]
}

/** Sends every request (ten at a time) and lists the answers that are a 5xx, not JSON, or a 4xx that names no problem. */
async function unexplained(urls: string[]): Promise<string[]> {
  const wrong: string[] = []
  for (let start = 0; start < urls.length; start += 10) {
    await Promise.all(
      urls.slice(start, start + 10).map(async (url) => {
        const answer = await get(url)
        const json = answer.type.includes('application/json')
        if (answer.status >= 500 || !json || (answer.status >= 400 && !messageOf(answer))) {
          wrong.push(
            `${decodeURIComponent(url)} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`,
          )
        }
      }),
    )
  }
  return wrong
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
    { authors: [author.id], sources: [source.id], tags: ['harbour', 'ferry'] },
    'published',
  )
})
afterAll(() => server?.close())

describe('every operator on every field', () => {
  /** Payload's own collections included; payload-migrations has no REST routes (`endpoints: false`). */
  const routed = () =>
    Object.values(payload.collections).filter(({ config }) => config.endpoints !== false)

  it('answers a page or a 4xx naming the problem, never a 5xx, over REST', async () => {
    const urls = routed().flatMap(({ config }) =>
      [['id', undefined] as const, ...wherePaths(config.flattenedFields)].flatMap(([path, field]) =>
        validOperators.flatMap((operator) =>
          operands(operator, plausible(path, field)).map(
            (operand) =>
              `/api/${config.slug}?limit=1&depth=0&${toQuery(`where[${path}][${operator}]`, operand).join('&')}`,
          ),
        ),
      ),
    )
    expect(urls.length).toBeGreaterThan(5000)
    expect(await unexplained(urls)).toEqual([])
  }, 600_000)

  it('answers a page or a 4xx naming the problem for version filters too', async () => {
    const versioned = routed().filter(({ config }) => config.versions)
    expect(versioned.map(({ config }) => config.slug)).toContain(ARTICLES)
    const urls = versioned.flatMap(({ config }) =>
      [
        [
          'parent',
          { type: 'relationship', name: 'parent', relationTo: config.slug } as FlattenedField,
        ] as const,
        ['latest', { type: 'checkbox', name: 'latest' } as FlattenedField] as const,
        ...wherePaths(config.flattenedFields, 'version.'),
      ].flatMap(([path, field]) =>
        validOperators.flatMap((operator) =>
          operands(operator, plausible(path, field)).map(
            (operand) =>
              `/api/${config.slug}/versions?limit=1&depth=0&${toQuery(`where[${path}][${operator}]`, operand).join('&')}`,
          ),
        ),
      ),
    )
    expect(await unexplained(urls)).toEqual([])
  }, 600_000)
})

describe('operators the database cannot run', () => {
  const ids = (answer: Answer) => (answer.body.docs ?? []).map((doc) => doc.id)

  it.each<[string, () => string, string]>([
    [
      'all on a has-many text field',
      () => 'where[tags][all]=harbour',
      'where[tags][all]: the all operator is not supported here; use in',
    ],
    [
      'all on a relationship, as a list',
      () => `where[authors][all][]=${author.id}`,
      'where[authors][all]: the all operator is not supported here',
    ],
    [
      'all inside or',
      () => 'where[or][0][tags][all][0]=harbour',
      'where[or][0][tags][all]: the all operator',
    ],
  ])(
    '%s: 400 naming the operator on SQLite, the documents on MongoDB',
    async (_, query, message) => {
      const answer = await get(`/api/articles?${query()}`)
      if (mongo) {
        expect(answer.status).toBe(200)
        expect(ids(answer)).toEqual([article.id])
      } else {
        expect(answer.status).toBe(400)
        expect(messageOf(answer)).toContain(message)
      }
    },
  )

  it('answers in, the operator the refusal points to, with the documents', async () => {
    expect(ids(await get('/api/articles?where[tags][in]=harbour'))).toEqual([article.id])
    expect(ids(await get(`/api/articles?where[authors][in][]=${author.id}`))).toEqual([article.id])
  })

  it.each(['near', 'within', 'intersects'])(
    'answers %s off a point field with a 400 naming the operator and the field',
    async (operator) => {
      const operand = operator === 'near' ? ['1,2,1000,0'] : [POLYGON]
      const answer = await get(
        `/api/articles?${toQuery(`where[publishedAt][${operator}]`, operand[0]).join('&')}`,
      )
      expect(answer.status).toBe(400)
      expect(messageOf(answer)).toBe(
        mongo
          ? `where[publishedAt][${operator}]: the ${operator} operator works only on point fields${operator === 'near' ? '' : ' and JSON fields holding GeoJSON'}; "publishedAt" is a date field.`
          : `where[publishedAt][${operator}]: the ${operator} operator is not supported here; geographic filters need a point field, which this schema does not have.`,
      )
    },
  )

  it('answers the same refusal over GraphQL, as a 400 error', async () => {
    const { status, body } = await graphql(
      server.url,
      '{ Articles(where: { tags: { all: ["harbour"] } }) { docs { id } } }',
      undefined,
      auth,
    )
    expect(status).toBeLessThan(500)
    if (mongo) {
      expect(body.errors).toBeUndefined()
      expect(body.data.Articles.docs).toEqual([{ id: article.id }])
    } else {
      expect(body.errors?.[0]).toMatchObject({
        message:
          'where[tags][all]: the all operator is not supported here; use in, which matches any of the values.',
        extensions: { statusCode: 400 },
      })
    }
  })
})

describe('paths and operands the database cannot run', () => {
  it.each<[string, string, string | undefined]>([
    [
      'a relationship to several collections, filtered by id alone',
      `/api/payload-locked-documents?where[document][equals]=${VALID_ID}`,
      mongo
        ? undefined
        : 'where[document][equals]: "document" relates to several collections; filter by document.relationTo and document.value, or with equals { relationTo, value }.',
    ],
    [
      'a path into rich text',
      '/api/articles?where[body.root.type][equals]=root',
      {
        sqlite:
          'where[body.root.type][equals]: filtering inside rich text is not supported here; filter "body" itself with like or contains.',
        postgres: 'where[body.root.type][equals]: filtering rich text is not supported here.',
        mongodb: undefined,
      }[database],
    ],
    [
      'a comparison inside a JSON field',
      '/api/payload-jobs?where[input.attempt][greater_than]=1',
      {
        sqlite:
          'where[input.attempt][greater_than]: the greater_than operator is not supported inside a JSON field here; use equals, not_equals, in, not_in, like, not_like, contains, exists.',
        postgres:
          'where[input.attempt][greater_than]: the greater_than operator is not supported inside a JSON field here; use equals, not_equals, in, not_in, like, not_like, exists.',
        mongodb: undefined,
      }[database],
    ],
    [
      'an object where a value belongs',
      '/api/articles?where[title][equals][a]=b',
      'where[title][equals]: expects a single value, not an object.',
    ],
    [
      'a list where a value belongs',
      '/api/articles?where[title][greater_than][0]=a',
      'where[title][greater_than]: expects a single value, not a list.',
    ],
    [
      'an object in a list',
      '/api/articles?where[reviewState][in][0][a]=b',
      'where[reviewState][in]: item 0 is an object; a list holds single values.',
    ],
    [
      'a date that is none',
      '/api/articles?where[publishedAt][equals]=notadate',
      'where[publishedAt][equals]: "notadate" is not a date; send one such as 2026-05-01 or 2026-05-01T09:00:00Z.',
    ],
  ])(
    'answers %s with a 400 naming the condition, where the database cannot run it',
    async (_, url, message) => {
      const answer = await get(url)
      if (message === undefined) {
        expect(answer.status).toBe(200)
      } else {
        expect(answer.status).toBe(400)
        expect(messageOf(answer)).toBe(message)
      }
    },
  )

  if (database !== 'postgres')
    console.log(
      `where-operators: the column-type test runs on PostgreSQL only; ${database} compares any value.`,
    )
  it.runIf(database === 'postgres')(
    'answers a value of the wrong type for its column with a 400 naming it, on PostgreSQL',
    async () => {
      const refused = async (url: string, message: string) => {
        const answer = await get(url)
        expect(answer.status, url).toBe(400)
        expect(messageOf(answer)).toBe(message)
      }
      await refused(
        '/api/articles?where[reviewState][equals]=zz',
        'where[reviewState][equals]: "zz" is not an option of "reviewState"; the options are draft, in_review, changes_requested, approved, scheduled, published, unpublished.',
      )
      await refused(
        '/api/articles?where[commentsEnabled][equals]=maybe',
        'where[commentsEnabled][equals]: "commentsEnabled" is true or false, not "maybe".',
      )
      await refused(
        '/api/articles?where[publishedAt][like]=2026',
        'where[publishedAt][like]: like matches text, and "publishedAt" is a date field; use equals or in.',
      )
      await refused(
        '/api/articles?where[id][contains]=1',
        'where[id][contains]: contains matches text, and "id" is an id; use equals or in.',
      )
      await refused(
        '/api/media?where[width][in][0]=wide',
        'where[width][in]: "width" is a number, not "wide".',
      )
    },
  )

  it('still runs the filters the refusals point to', async () => {
    const ok = async (url: string) => expect((await get(url)).status, url).toBe(200)
    await ok(
      `/api/payload-locked-documents?where[document.value][equals]=${VALID_ID}&where[document.relationTo][equals]=articles`,
    )
    await ok(
      `/api/payload-locked-documents?where[document][equals][relationTo]=articles&where[document][equals][value]=${VALID_ID}`,
    )
    // PostgreSQL matches text only in text columns: rich text and dates are JSON and timestamps there.
    if (database !== 'postgres') await ok('/api/articles?where[body][like]=root')
    await ok('/api/payload-jobs?where[input.attempt][equals]=1')
    await ok(
      `/api/articles?where[publishedAt][greater_than]=2026-05-01${database === 'postgres' ? '' : '&where[publishedAt][like]=2026'}`,
    )
    await ok('/api/articles?where[tags][contains][0]=harbour&where[tags][contains][1]=ferry')
  })
})
