import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, User } from '../../src/payload-types'
import { previewKey, signPreviewToken } from '../../src/services/preview/token'
import { createArticle, createAuthor, createUser, publish } from '../helpers/factories'
import { login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/**
 * Draft preview links over the real HTTP server: POST /api/articles/:id/preview-link issues a
 * signed, expiring link; GET /api/preview/:token shows the latest draft to whoever holds it, until
 * it expires, the article is published (the nonce rotates) or the article is deleted.
 */

type Id = Article['id']
type Res = { status: number; body: any; headers: Headers }

let server: TestServer
let payload: Payload
let admin: User
let editor: User
let contributor: User
let otherContributor: User
let contributorAuthor: Author
const auth = { admin: '', editor: '', contributor: '', otherContributor: '' }

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  // The first account ever created becomes an admin, so the admin comes first.
  admin = await createUser(payload, ['admin'], 'Ada Admin')
  editor = await createUser(payload, ['editor'], 'Eve Editor')
  contributor = await createUser(payload, ['contributor'], 'Cleo Contributor')
  otherContributor = await createUser(payload, ['contributor'], 'Otto Contributor')
  contributorAuthor = await createAuthor(payload, { name: 'Cleo Byline', user: contributor.id })
  await createAuthor(payload, { name: 'Otto Byline', user: otherContributor.id })
  const users = { admin, editor, contributor, otherContributor }
  for (const [name, user] of Object.entries(users))
    auth[name as keyof typeof auth] = await login(server.url, user.email)
})
afterAll(() => server?.close())

async function api(
  method: string,
  path: string,
  opts: { auth?: string; json?: unknown } = {},
): Promise<Res> {
  const headers: Record<string, string> = {}
  if (opts.auth) headers.Authorization = opts.auth
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: kept as text, so the assertion shows it
  }
  return { status: res.status, body, headers: res.headers }
}

const messageOf = (res: Res): string =>
  Array.isArray(res.body?.errors)
    ? res.body.errors.map((e: { message: string }) => e.message).join(' | ')
    : `(no errors in ${JSON.stringify(res.body)})`

function expectRefused(res: Res, status: number, ...patterns: RegExp[]) {
  expect({ status: res.status, message: messageOf(res) }).toMatchObject({ status })
  for (const pattern of patterns) expect(messageOf(res)).toMatch(pattern)
}

/** Asks for a link and returns its token (the url is on SERVER_URL, not on the test server's port). */
async function linkFor(who: string, id: Id): Promise<string> {
  const res = await api('POST', `/api/articles/${id}/preview-link`, { auth: who })
  expect(res.status, messageOf(res)).toBe(200)
  const prefix = `${payload.config.serverURL}/api/preview/`
  expect(res.body.url.startsWith(prefix), res.body.url).toBe(true)
  return res.body.url.slice(prefix.length)
}

/** Opens a preview link anonymously, as a frontend would. */
const open = (token: string) => api('GET', `/api/preview/${token}`)

const latest = (id: Id) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })

const contributorsDraft = () => createArticle(payload, { authors: [contributorAuthor.id] })

describe('asking for a preview link', () => {
  it('gives an author who is a contributor a link that expires in an hour (PREVIEW_TTL default)', async () => {
    const article = await contributorsDraft()
    const before = Date.now()
    const res = await api('POST', `/api/articles/${article.id}/preview-link`, {
      auth: auth.contributor,
    })
    expect(res.status, messageOf(res)).toBe(200)
    expect(res.body.url).toMatch(
      new RegExp(`^${payload.config.serverURL}/api/preview/[\\w-]+\\.[\\w-]+$`),
    )
    const expiresIn = Date.parse(res.body.expiresAt) - before
    expect(expiresIn).toBeGreaterThan(3_595_000)
    expect(expiresIn).toBeLessThanOrEqual(3_601_000)
  })

  it('gives an editor a link to an article they did not write', async () => {
    const article = await contributorsDraft()
    const token = await linkFor(auth.editor, article.id)
    const res = await open(token)
    expect(res.status, messageOf(res)).toBe(200)
    expect(res.body.id).toBe(article.id)
  })

  it('answers 404 to a contributor who is not an author of the article', async () => {
    const article = await contributorsDraft()
    const res = await api('POST', `/api/articles/${article.id}/preview-link`, {
      auth: auth.otherContributor,
    })
    expectRefused(res, 404, /No article with id/)
  })

  it('answers 404 for an article that does not exist', async () => {
    const res = await api('POST', '/api/articles/999999/preview-link', { auth: auth.editor })
    expectRefused(res, 404, /No article with id/)
  })

  it('answers 401 to an anonymous request', async () => {
    const article = await contributorsDraft()
    const res = await api('POST', `/api/articles/${article.id}/preview-link`)
    expectRefused(res, 401, /Log in/)
  })

  it('leaves the content and workflow state of the draft as they were', async () => {
    const article = await contributorsDraft()
    const before = await latest(article.id)
    expect(before.previewNonce ?? null).toBeNull()
    await linkFor(auth.contributor, article.id)
    const after = await latest(article.id)
    expect(after.previewNonce).toEqual(expect.any(String))
    const { previewNonce: _a, updatedAt: _b, ...rest } = after
    const { previewNonce: _c, updatedAt: _d, ...was } = before
    expect(rest).toEqual(was)
  })

  it('keeps earlier links valid when another link is asked for', async () => {
    const article = await contributorsDraft()
    const first = await linkFor(auth.contributor, article.id)
    const second = await linkFor(auth.editor, article.id)
    expect((await open(first)).status).toBe(200)
    expect((await open(second)).status).toBe(200)
  })
})

describe('opening a preview link', () => {
  it('shows the latest draft revision of a published article, not the live version, and is never stored by caches', async () => {
    const article = await createArticle(
      payload,
      { authors: [contributorAuthor.id], title: 'Live headline' },
      'published',
    )
    const edit = await api('PATCH', `/api/articles/${article.id}?depth=0`, {
      auth: auth.editor,
      json: { title: 'Draft headline' },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    const token = await linkFor(auth.editor, article.id)

    const res = await open(token)
    expect(res.status, messageOf(res)).toBe(200)
    expect(res.body).toMatchObject({ id: article.id, title: 'Draft headline', _status: 'draft' })
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    // The public still reads the live version.
    const live = await api('GET', `/api/articles/${article.id}?depth=0`)
    expect(live.body.title).toBe('Live headline')
  })

  it('shows authors as the public sees them, and no workflow internals', async () => {
    const article = await contributorsDraft()
    const res = await open(await linkFor(auth.contributor, article.id))
    expect(res.status, messageOf(res)).toBe(200)
    expect(res.body.authors).toEqual([
      expect.objectContaining({ id: contributorAuthor.id, name: 'Cleo Byline' }),
    ])
    expect(res.body.authors[0]).not.toHaveProperty('user')
    expect(res.body.sources).toEqual([])
    for (const internal of [
      'previewNonce',
      'reviewState',
      'submittedBy',
      'approvedHash',
      'scheduleJob',
    ]) {
      expect(res.body).not.toHaveProperty(internal)
    }
  })

  it('follows edits of the draft while the link is valid', async () => {
    const article = await contributorsDraft()
    const token = await linkFor(auth.contributor, article.id)
    const edit = await api('PATCH', `/api/articles/${article.id}?depth=0`, {
      auth: auth.contributor,
      json: { title: 'Second take' },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    const res = await open(token)
    expect(res.status, messageOf(res)).toBe(200)
    expect(res.body.title).toBe('Second take')
  })

  it('refuses an altered token as invalid', async () => {
    const article = await contributorsDraft()
    const token = await linkFor(auth.contributor, article.id)
    const [claims, signature] = token.split('.') as [string, string]
    const otherArticle = await contributorsDraft()
    const decoded = JSON.parse(Buffer.from(claims, 'base64url').toString())
    const forged = `${Buffer.from(JSON.stringify({ ...decoded, a: otherArticle.id })).toString('base64url')}.${signature}`
    expectRefused(await open(forged), 401, /invalid/, /altered/)
    const flipped = `${claims}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`
    expectRefused(await open(flipped), 401, /invalid/)
  })

  it.each(['garbage', 'a.b', 'a.b.c', '%E2%80%A8', 'e30.e30'])(
    'refuses a malformed token (%s) with 401 JSON, not a server error',
    async (token) => {
      const res = await open(token)
      expectRefused(res, 401, /invalid/)
    },
  )

  it('refuses an expired token, saying it expired', async () => {
    const article = await contributorsDraft()
    await linkFor(auth.contributor, article.id)
    const { previewNonce } = await latest(article.id)
    const exp = Math.floor(Date.now() / 1000) - 60
    const token = signPreviewToken(
      { a: article.id, n: previewNonce!, exp },
      previewKey(payload.secret),
    )
    expectRefused(await open(token), 401, /expired/, new RegExp(new Date(exp * 1000).toISOString()))
    // The same claims with a future expiry open: only the expiry was wrong.
    const fresh = signPreviewToken(
      { a: article.id, n: previewNonce!, exp: exp + 3600 },
      previewKey(payload.secret),
    )
    expect((await open(fresh)).status).toBe(200)
  })

  it('revokes links issued before the article was published', async () => {
    const article = await contributorsDraft()
    const token = await linkFor(auth.contributor, article.id)
    expect((await open(token)).status).toBe(200)
    await publish(payload, article.id)
    expectRefused(await open(token), 401, /revoked/, /published/)
    // A new link shows the article again.
    const again = await open(await linkFor(auth.contributor, article.id))
    expect(again.status, messageOf(again)).toBe(200)
    expect(again.body).toMatchObject({ id: article.id, _status: 'published' })
  })

  it('revokes links to an article an admin deleted', async () => {
    const article = await contributorsDraft()
    const token = await linkFor(auth.contributor, article.id)
    const deleted = await api('DELETE', `/api/articles/${article.id}`, { auth: auth.admin })
    expect(deleted.status, messageOf(deleted)).toBe(200)
    expectRefused(await open(token), 401, /revoked/, /no longer exists/)
  })
})
