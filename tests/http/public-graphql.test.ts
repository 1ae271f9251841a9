import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '../../payload.config'
import type { Article } from '../../src/payload-types'
import { readJsonBody } from '../../src/server/jsonBody'
import { publicGraphql } from '../../src/server/publicGraphql'
import { body, createArticle, createAuthor, createUser, desk } from '../helpers/factories'
import { login, startTestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/**
 * The GraphQL fast path alone in front of a handler that says "passed on": what it answers itself
 * must be what Payload's own handler answers, and everything else must reach Payload.
 */
let payload: Payload
let server: Server
let base: string
let live: Article
let draft: Article
let origin: string
let staffAuth: string

const ARTICLE = `query Article($slug: String!) {
  publicArticle(slug: $slug) { id title slug dek tags authors { name slug } body comments { body } }
}`
const LIST = `query List { publicArticles(limit: 5) { docs { title slug authors { name } } page hasNextPage } }`

const post = async (payloadBody: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(payloadBody),
  })
  return { status: res.status, headers: res.headers, text: await res.text() }
}
/** The same request answered by Payload's own GraphQL handler. */
const payloadAnswer = async (payloadBody: unknown, headers: Record<string, string> = {}) => {
  const res = await GRAPHQL_POST(config)(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(payloadBody),
    }),
  )
  return { status: res.status, headers: res.headers, text: await res.text() }
}

beforeAll(async () => {
  payload = await getTestPayload()
  const writer = await createUser(payload, ['contributor'], 'Gail Graph')
  const author = await createAuthor(payload, { name: 'Gail Graph', user: writer.id })
  live = await createArticle(
    payload,
    { title: 'Graph piece', dek: 'Fast', tags: ['graph'], authors: [author.id], body: body('Hi.') },
    'published',
  )
  draft = await createArticle(payload, { title: 'Graph draft', authors: [author.id] })

  const app = express()
  app.use(readJsonBody)
  app.post(
    '/api/graphql',
    publicGraphql(payload, () => undefined),
    (_req, res) => {
      res.status(299).json({ passedOn: true })
    },
  )
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const cors = payload.config.cors
  origin = Array.isArray(cors) ? cors[0]! : 'http://localhost:3000'
  const { editor } = await desk(payload)
  const full = await startTestServer()
  staffAuth = await login(full.url, editor.email)
  await full.close()
})
afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

describe('anonymous public GraphQL reads answered without Payload’s request set-up', () => {
  it.each([
    ['an article by slug', () => ({ query: ARTICLE, variables: { slug: live.slug } })],
    ['a draft (null)', () => ({ query: ARTICLE, variables: { slug: draft.slug } })],
    ['a list page', () => ({ query: LIST })],
    ['a query too long to be kept', () => ({ query: `${LIST}${' '.repeat(9_000)}` })],
    [
      'a named operation of several',
      () => ({ query: `${LIST} query Other { __typename }`, operationName: 'Other' }),
    ],
  ])('%s: the same status, type, CORS and body as Payload’s handler', async (_name, request) => {
    const named = request()
    const fast = await post(named, { Origin: origin })
    const slow = await payloadAnswer(named, { Origin: origin })
    expect(fast.status).toBe(200)
    expect(JSON.parse(fast.text)).toEqual(JSON.parse(slow.text))
    for (const header of ['content-type', 'access-control-allow-origin'])
      expect([header, fast.headers.get(header)]).toEqual([header, slow.headers.get(header)])
  })

  it('answers the article as the read model has it, and never a draft', async () => {
    const { text } = await post({ query: ARTICLE, variables: { slug: live.slug } })
    expect(JSON.parse(text).data.publicArticle).toMatchObject({
      title: 'Graph piece',
      tags: ['graph'],
    })
    const hidden = await post({ query: ARTICLE, variables: { slug: draft.slug } })
    expect(JSON.parse(hidden.text)).toEqual({ data: { publicArticle: null } })
  })

  it('asks for the graphql-response media type when the client prefers it', async () => {
    const fast = await post({ query: LIST }, { Accept: 'application/graphql-response+json' })
    expect(fast.status).toBe(200)
    expect(fast.headers.get('content-type')).toBe(
      'application/graphql-response+json; charset=utf-8',
    )
  })

  it.each([
    ['credentials', { query: LIST }, { Authorization: 'JWT x' }],
    ['a session cookie', { query: LIST }, { Cookie: 'payload-token=x' }],
    ['another root field', { query: `{ publicArticles { page } Articles { totalDocs } }` }, {}],
    ['a mutation', { query: `mutation { __typename }` }, {}],
    ['introspection', { query: `{ publicArticles { page } __schema { queryType { name } } }` }, {}],
    ['a root fragment', { query: `{ ...F } fragment F on Query { publicArticles { page } }` }, {}],
    ['a syntax error', { query: `{ publicArticles { page ` }, {}],
    ['an unknown field', { query: `{ publicArticles { nope } }` }, {}],
    ['a missing variable', { query: ARTICLE }, {}],
    ['a variable of the wrong type', { query: ARTICLE, variables: { slug: 5 } }, {}],
    [
      'an argument the read model refuses',
      { query: `{ publicArticles(limit: 500) { page } }` },
      {},
    ],
    ['an unknown operation name', { query: LIST, operationName: 'Nope' }, {}],
    ['variables that are not an object', { query: LIST, variables: [1] }, {}],
    ['no query', { variables: {} }, {}],
    ['an Accept it cannot answer', { query: LIST }, { Accept: 'text/html' }],
    [
      'a query over the complexity limit',
      {
        query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: publicArticles { docs { title slug dek } page }`).join(' ')} }`,
      },
      {},
    ],
  ])('passes %s on to Payload', async (_name, request, headers) => {
    expect((await post(request, headers as Record<string, string>)).status).toBe(299)
  })

  it('a signed-in reader gets the same data from Payload', async () => {
    const request = { query: ARTICLE, variables: { slug: live.slug } }
    const signedIn = await payloadAnswer(request, { Authorization: staffAuth })
    expect(JSON.parse(signedIn.text)).toEqual(JSON.parse((await post(request)).text))
  })
})
