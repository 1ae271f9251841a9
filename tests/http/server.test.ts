import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createArticle, createAuthor } from '../helpers/factories'
import { graphql, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload, testDatabase } from '../helpers/payload'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
  const payload = await getTestPayload()
  const author = await createAuthor(payload, { name: 'Ada Reporter' })
  await createArticle(payload, { title: 'Live story', authors: [author.id] }, 'published')
  await createArticle(payload, { title: 'Secret draft', authors: [author.id] }, 'draft')
})
afterAll(() => server?.close())

describe('the express server', () => {
  it('answers /healthz with the database kind after querying it', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      status: 'ok',
      db: testDatabase(),
      jobs: { failed: 0 },
    })
  })

  it('serves REST: anonymous readers list only published articles', async () => {
    const res = await fetch(`${server.url}/api/articles?depth=1`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.docs.map((a: { title: string }) => a.title)).toEqual(['Live story'])
    expect(body.totalDocs).toBe(1)
    expect(body.docs[0].authors[0].name).toBe('Ada Reporter')
  })

  it('serves GraphQL: an Articles query answers 200 with published articles only', async () => {
    const { status, body } = await graphql(
      server.url,
      '{ Articles { docs { title slug } totalDocs } }',
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles).toEqual({
      docs: [{ title: 'Live story', slug: 'live-story' }],
      totalDocs: 1,
    })
  })

  it('answers unknown API routes with 404 JSON', async () => {
    const res = await fetch(`${server.url}/api/nope`)
    expect(res.status).toBe(404)
    expect((await res.json()).message).toMatch(/Route not found/)
  })

  it('sends no X-Powered-By header', async () => {
    const res = await fetch(`${server.url}/api/articles`)
    expect(res.headers.get('x-powered-by')).toBeNull()
  })
})

describe('request bodies', () => {
  it.each(['42', 'null', '"text"', 'true'])(
    'answers a JSON body of %s with 400, not 500',
    async (text) => {
      const res = await fetch(`${server.url}/api/sources`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: text,
      })
      expect(res.status).toBe(400)
      expect((await res.json()).errors[0].message).toBe('The request body must be a JSON object.')
    },
  )

  it('answers malformed JSON with 400 naming the problem', async () => {
    const res = await fetch(`${server.url}/api/sources`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":',
    })
    expect(res.status).toBe(400)
    expect((await res.json()).errors[0].message).toMatch(/not valid JSON/)
  })

  it('answers a JSON body over 1 MB with 413', async () => {
    const res = await fetch(`${server.url}/api/sources`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    })
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toMatch(/too large/)
  })
})

describe('CORS preflight', () => {
  it.each(['/api/graphql', '/api/articles'])(
    'answers OPTIONS %s without an error',
    async (path) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
      })
      expect(res.status).toBeLessThan(300)
    },
  )
})
