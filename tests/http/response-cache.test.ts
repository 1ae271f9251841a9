import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, User } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import { createArticle, createAuthor, desk } from '../helpers/factories'
import { login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

let server: TestServer
let payload: Payload
let author: Author
let live: Article
let editor: User
let publisher: User
let editorAuth: string

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}${path}`, { headers })
  const text = await res.text()
  return {
    status: res.status,
    cache: res.headers.get('x-cache'),
    etag: res.headers.get('etag'),
    body: text ? JSON.parse(text) : null,
  }
}
const LIST = '/api/articles?limit=20&sort=-publishedAt&depth=1'
const titles = (body: { docs: { title: string }[] }) => body.docs.map((doc) => doc.title).sort()
/** Fills the cache with the anonymous answer and checks the next one comes from it. */
const warm = async (path: string) => {
  await get(path)
  const again = await get(path)
  expect(again.cache).toBe('HIT')
  return again
}

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  ;({ editor, publisher } = await desk(payload))
  author = await createAuthor(payload, { name: 'Cora Cache' })
  live = await createArticle(
    payload,
    { title: 'Cached live piece', authors: [author.id] },
    'published',
  )
  editorAuth = await login(server.url, editor.email)
})
afterAll(() => server?.close())

describe('the response cache of anonymous reads', () => {
  it('answers a repeated anonymous read from memory, with the same body and ETag, and a 304 for that ETag', async () => {
    const first = await get(LIST)
    const second = await get(LIST)
    expect(second).toMatchObject({ status: 200, cache: 'HIT', etag: first.etag })
    expect(second.body).toEqual(first.body)
    const revalidated = await fetch(`${server.url}${LIST}`, {
      headers: { 'If-None-Match': first.etag! },
    })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('x-cache')).toBe('HIT')
  })

  it('is never read or filled by a signed-in request, so nothing crosses between users', async () => {
    const draft = await createArticle(payload, {
      title: 'Cached secret draft',
      authors: [author.id],
    })
    const path = `/api/articles?limit=50&draft=true&depth=0`
    await warm(path)
    const staff = await get(path, { Authorization: editorAuth })
    expect(staff.cache).toBeNull()
    expect(titles(staff.body)).toContain('Cached secret draft')
    const cookie = await get(path, { Cookie: `payload-token=${editorAuth.slice(4)}` })
    expect(cookie.cache).toBeNull()
    // And the anonymous answer still comes from the cache, without the draft.
    const anonymous = await get(path)
    expect(anonymous.cache).toBe('HIT')
    expect(titles(anonymous.body)).not.toContain('Cached secret draft')
    await payload.delete({ collection: 'articles', id: draft.id })
  })

  it('drops cached lists and pages when an article is published', async () => {
    await warm(LIST)
    const next = await createArticle(payload, { title: 'Fresh publication', authors: [author.id] })
    await warm(LIST)
    await transitionAs(payload, editor, { id: next.id, action: 'submit' })
    expect((await get(LIST)).cache).toBe('HIT') // a review step changes nothing public
    await transitionAs(payload, publisher, { id: next.id, action: 'approve' })
    await transitionAs(payload, publisher, { id: next.id, action: 'publish' })
    const after = await get(LIST)
    expect(after.cache).toBe('MISS')
    expect(titles(after.body)).toContain('Fresh publication')
  })

  it('stops serving an article the moment it is unpublished', async () => {
    const piece = await createArticle(
      payload,
      { title: 'Soon pulled', authors: [author.id] },
      'published',
    )
    const page = `/api/public/articles/${piece.slug}`
    expect((await warm(page)).status).toBe(200)
    const res = await fetch(`${server.url}/api/articles/${piece.id}/workflow`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: await login(server.url, publisher.email),
      },
      body: JSON.stringify({ action: 'unpublish' }),
    })
    expect(res.status).toBe(200)
    expect((await get(page)).status).toBe(404)
  })

  it('shows an author renamed, and a comment once approved, but keeps serving while a comment waits', async () => {
    const page = `/api/public/articles/${live.slug}`
    await warm(page)
    await payload.update({ collection: 'authors', id: author.id, data: { name: 'Cora Renamed' } })
    const renamed = await get(page)
    expect(renamed.cache).toBe('MISS')
    expect(renamed.body.authors[0].name).toBe('Cora Renamed')

    await warm(page)
    const posted = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        article: live.id,
        authorName: 'Reader',
        authorEmail: 'reader@example.test',
        body: 'Well argued.',
      }),
    })
    expect(posted.status).toBe(201)
    expect((await get(page)).cache).toBe('HIT') // a pending comment is not public: nothing to drop
    const { id } = ((await posted.json()) as { doc: { id: number | string } }).doc
    await payload.update({
      collection: 'comments',
      id,
      data: { status: 'approved' },
      user: editor,
      overrideAccess: false,
    })
    const approved = await get(page)
    expect(approved.cache).toBe('MISS')
    expect(approved.body.comments.map((c: { body: string }) => c.body)).toContain('Well argued.')
  })

  it('keys answers by Origin, since CORS headers depend on it', async () => {
    await warm(LIST)
    expect((await get(LIST, { Origin: 'https://elsewhere.example' })).cache).toBe('MISS')
  })
})

describe('the response cache of anonymous GraphQL queries', () => {
  const post = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    })
    return { status: res.status, cache: res.headers.get('x-cache'), body: await res.json() }
  }
  const LIST_QUERY = '{ Articles(limit: 50, sort: "-publishedAt") { docs { title } } }'
  const listed = (body: { data: { Articles: { docs: { title: string }[] } } }) =>
    body.data.Articles.docs.map((d) => d.title)

  it('answers a repeated query from memory, and a changed one is a new entry', async () => {
    const first = await post(LIST_QUERY)
    expect(first.cache).toBe('MISS')
    const second = await post(LIST_QUERY)
    expect(second).toMatchObject({ status: 200, cache: 'HIT' })
    expect(second.body).toEqual(first.body)
    expect((await post(LIST_QUERY.replace('50', '49'))).cache).toBe('MISS')
  })

  it('drops cached queries when an article is published, and never keeps a mutation or a signed-in answer', async () => {
    await post(LIST_QUERY)
    expect((await post(LIST_QUERY)).cache).toBe('HIT')
    const next = await createArticle(
      payload,
      { title: 'Published for GraphQL', authors: [author.id] },
      'published',
    )
    const after = await post(LIST_QUERY)
    expect(after.cache).toBe('MISS')
    expect(listed(after.body)).toContain('Published for GraphQL')

    const mutation = `mutation { updateArticle(id: ${next.id}, data: { title: "x" }) { title } }`
    await post(mutation)
    expect((await post(mutation)).cache).toBe('MISS')

    const staff = await post(LIST_QUERY, { Authorization: editorAuth })
    expect(staff.cache).toBeNull()
  })
})

describe('a user who was refused', () => {
  it('is not answered from the cache with a bad token either', async () => {
    await warm(LIST)
    const res = await get(LIST, { Authorization: 'JWT not-a-token' })
    expect(res.cache).toBeNull()
  })
})
