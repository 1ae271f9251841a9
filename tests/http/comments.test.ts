import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Article, Comment, User } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import { createArticle, createAuthor, createUser, desk } from '../helpers/factories'
import { runDueJobs } from '../helpers/jobs'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { forgetRateLimits, getTestPayload } from '../helpers/payload'

/**
 * Reader comments over the real HTTP server: posting (REST, with its limits and spam rules),
 * reading (anonymous, contributor, staff; REST and GraphQL) and moderation.
 */

// The server reads COMMENT_RATE_LIMIT when it is created. Most tests post far more than the default
// 5 a minute from one address, so this server allows plenty; the rate-limit test starts a second
// server with a low limit.
process.env.COMMENT_RATE_LIMIT = '1000/60'

type Id = number
type Res = { status: number; headers: Headers; body: any }

let server: TestServer
let payload: Payload
let editor: User
let publisher: User
let contributor: User
let live: Article // published, by the contributor
let other: Article // published, by a desk author without an account
let closed: Article // published, comments switched off
let draft: Article
const auth = { editor: '', publisher: '', contributor: '' }

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  await createUser(payload, ['admin'], 'Ada Admin') // the first account is the admin
  editor = await createUser(payload, ['editor'], 'Eve Editor')
  publisher = await createUser(payload, ['publisher'], 'Pat Publisher')
  contributor = await createUser(payload, ['contributor'], 'Cleo Contributor')
  const cleo = await createAuthor(payload, { name: 'Cleo Byline', user: contributor.id })
  const deskAuthor = await createAuthor(payload, { name: 'Desk Byline' })
  live = await createArticle(
    payload,
    { title: 'Night buses return', authors: [cleo.id] },
    'published',
  )
  other = await createArticle(
    payload,
    { title: 'Harbour reopens', authors: [deskAuthor.id] },
    'published',
  )
  closed = await createArticle(
    payload,
    { title: 'Closed to comments', authors: [deskAuthor.id], commentsEnabled: false },
    'published',
  )
  draft = await createArticle(payload, { title: 'Unfinished piece', authors: [cleo.id] })
  auth.editor = await login(server.url, editor.email)
  auth.publisher = await login(server.url, publisher.email)
  auth.contributor = await login(server.url, contributor.email)
})
afterAll(() => server?.close())

// ---------------------------------------------------------------------------------------------
// Helpers

async function api(
  method: string,
  path: string,
  opts: {
    auth?: string
    json?: unknown
    raw?: string
    type?: string
    headers?: Record<string, string>
    base?: string
  } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.auth) headers.Authorization = opts.auth
  const requestBody = opts.raw ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json))
  if (requestBody !== undefined) headers['Content-Type'] = opts.type ?? 'application/json'
  const res = await fetch(`${opts.base ?? server.url}${path}`, {
    method,
    headers,
    body: requestBody,
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: kept as text, so a failing assertion shows it
  }
  return { status: res.status, headers: res.headers, body }
}

let n = 0
/** A valid submission with a body and email of its own (so it is never a duplicate). */
const submission = (article: Article | Id, extra: Record<string, unknown> = {}) => {
  const i = ++n
  return {
    article: typeof article === 'object' ? article.id : article,
    authorName: `Reader ${i}`,
    authorEmail: `reader${i}@example.test`,
    body: `Comment number ${i}.`,
    ...extra,
  }
}

const post = (json: unknown, opts: { auth?: string; headers?: Record<string, string> } = {}) =>
  api('POST', '/api/comments?depth=0', { json, ...opts })

const messages = (res: Res): string =>
  Array.isArray(res.body?.errors)
    ? res.body.errors.map((e: { message: string }) => e.message).join(' | ')
    : JSON.stringify(res.body)

/** The paths of the field errors in a 400 `{"errors":[{"data":{"errors":[{"path"}]}}]}`. */
const fieldPaths = (res: Res): string[] =>
  (res.body?.errors ?? []).flatMap((e: { data?: { errors?: { path: string }[] } }) =>
    (e.data?.errors ?? []).map((f) => f.path),
  )

/** What is stored, read as the server (every field but the hidden senderHash, which showHiddenFields brings). */
const stored = (id: Id) =>
  payload.findByID({
    collection: 'comments',
    id,
    depth: 0,
    showHiddenFields: true,
  }) as Promise<Comment>

/** A comment put straight into the database by server code, e.g. an approved one to reply to. */
const seed = (article: Article, status: Comment['status'], extra: Partial<Comment> = {}) =>
  payload.create({
    collection: 'comments',
    data: { ...submission(article), status, ...extra } as Comment,
  })

const countWhere = async (authorName: string) =>
  (await payload.count({ collection: 'comments', where: { authorName: { equals: authorName } } }))
    .totalDocs

// ---------------------------------------------------------------------------------------------

describe('posting a comment (POST /api/comments)', () => {
  it('stores an anonymous comment as pending even when it asks to be approved, ignoring every field a reader may not set', async () => {
    const res = await post(
      submission(live, {
        status: 'approved',
        id: 987654,
        createdAt: '2000-01-01T00:00:00.000Z',
        moderatedBy: editor.id,
        moderatedAt: '2000-01-01T00:00:00.000Z',
        senderHash: 'forged',
      }),
    )
    expect(res.status).toBe(201)
    expect(res.body.doc.status).toBe('pending')
    expect(res.body.doc).not.toHaveProperty('authorEmail')
    const doc = await stored(res.body.doc.id)
    expect(doc.id).not.toBe(987654)
    expect(doc.status).toBe('pending')
    expect(Date.now() - Date.parse(doc.createdAt)).toBeLessThan(60_000)
    expect(doc.moderatedBy ?? null).toBeNull()
    expect(doc.moderatedAt ?? null).toBeNull()
    expect(doc.senderHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('trims the name and body and accepts a body of exactly 5,000 characters, stored as plain text', async () => {
    const text = `<b>bold</b> & ${'x'.repeat(4986)}`
    expect(text).toHaveLength(5000)
    const res = await post(
      submission(live, { authorName: '  Trimmed Reader  ', body: `\n  ${text}  \n` }),
    )
    expect(res.status).toBe(201)
    const doc = await stored(res.body.doc.id)
    expect(doc.authorName).toBe('Trimmed Reader')
    expect(doc.body).toBe(text)
  })

  it.each([
    ['a missing name', { authorName: undefined }, 'authorName'],
    ['a blank name', { authorName: '   ' }, 'authorName'],
    ['a name of 101 characters', { authorName: 'n'.repeat(101) }, 'authorName'],
    ['a missing email', { authorEmail: undefined }, 'authorEmail'],
    ['an invalid email', { authorEmail: 'not-an-email' }, 'authorEmail'],
    [
      'an email of 255 characters',
      { authorEmail: `${'e'.repeat(243)}@example.org` },
      'authorEmail',
    ],
    ['a missing body', { body: undefined }, 'body'],
    ['a body of only spaces', { body: '  \n ' }, 'body'],
    ['a body of 5,001 characters', { body: 'b'.repeat(5001) }, 'body'],
    ['a body that is not text', { body: { html: '<p>hi</p>' } }, 'body'],
    ['a missing article', { article: undefined }, 'article'],
  ])('answers 400 naming the field for %s', async (_case, change, path) => {
    const res = await post({ ...submission(live), ...change })
    expect(res.status).toBe(400)
    expect(fieldPaths(res)).toContain(path)
  })

  it('reports every field problem of a submission at once', async () => {
    const res = await post({ article: live.id, authorName: '', body: '' })
    expect(res.status).toBe(400)
    expect(fieldPaths(res)).toEqual(expect.arrayContaining(['authorName', 'authorEmail', 'body']))
  })

  it('accepts a reply to an approved comment on the same article', async () => {
    const parent = await seed(live, 'approved')
    const res = await post(submission(live, { parent: parent.id }))
    expect(res.status).toBe(201)
    expect(res.body.doc.parent).toBe(parent.id)
  })

  it('answers 400 on parent for a reply to a comment on another article, to one not approved, or to none', async () => {
    const elsewhere = await seed(other, 'approved')
    const pending = await seed(live, 'pending')
    for (const parent of [elsewhere.id, pending.id, 999999]) {
      const res = await post(submission(live, { parent }))
      expect(res.status, `parent ${parent}`).toBe(400)
      expect(fieldPaths(res)).toEqual(['parent'])
    }
  })

  it('answers 404 for an unknown article and, alike, for an unpublished one', async () => {
    const unknown = await post(submission(999999))
    const unpublished = await post(submission(draft))
    for (const res of [unknown, unpublished]) {
      expect(res.status).toBe(404)
      expect(messages(res)).toMatch(/No published article/)
    }
  })

  it('answers 403 when comments are switched off on the article', async () => {
    const res = await post(submission(closed))
    expect(res.status).toBe(403)
    expect(messages(res)).toMatch(/Comments are closed/)
  })

  it('answers 400, not 500, to malformed JSON and to a body that is not a JSON object', async () => {
    const malformed = await api('POST', '/api/comments', { raw: '{"article": 1, "body": ' })
    expect(malformed.status).toBe(400)
    expect(messages(malformed)).toMatch(/not valid JSON/)
    for (const raw of ['null', '42', '"text"', '[]']) {
      const res = await api('POST', '/api/comments', { raw })
      expect(res.status, raw).toBe(400)
      expect(messages(res)).toMatch(/JSON object/)
    }
    const form = await api('POST', '/api/comments', {
      raw: `article=${live.id}&body=hi`,
      type: 'application/x-www-form-urlencoded',
    })
    expect(form.status).toBe(400)
    const empty = await api('POST', '/api/comments')
    expect(empty.status).toBe(400)
  })

  it('refuses a submission whose honeypot field is filled in (400 on website) and stores nothing', async () => {
    const bot = submission(live, { authorName: 'Honey Bot', website: 'http://cheap.example' })
    const res = await post(bot)
    expect(res.status).toBe(400)
    expect(fieldPaths(res)).toEqual(['website'])
    expect(await countWhere('Honey Bot')).toBe(0)

    const human = await post(submission(live, { authorName: 'Honey Human', website: '' }))
    expect(human.status).toBe(201)
  })

  it('holds a comment with more than two links as spam, while telling the sender it awaits moderation', async () => {
    const spam = await post(
      submission(live, {
        body: 'Deals at https://a.example, http://b.example and www.c.example today',
      }),
    )
    expect(spam.status).toBe(201)
    expect(spam.body.doc.status).toBe('pending')
    expect((await stored(spam.body.doc.id)).status).toBe('spam')

    const twoLinks = await post(
      submission(live, {
        body: 'See https://www.one.example and www.two.example for the timetable.',
      }),
    )
    expect((await stored(twoLinks.body.doc.id)).status).toBe('pending')
  })

  it('answers 409 to the same text from the same sender within a day, whatever the case of the email or a forged client-IP header', async () => {
    const first = submission(live, { body: 'The N3 was late again tonight.' })
    expect((await post(first)).status).toBe(201)

    const again = await post({
      ...first,
      authorEmail: first.authorEmail.toUpperCase(),
      authorName: 'Another Name',
    })
    expect(again.status).toBe(409)
    expect(messages(again)).toMatch(/already posted this comment/)
    const forged = await post(first, { headers: { 'x-newsroom-client-ip': '203.0.113.9' } })
    expect(forged.status).toBe(409)

    expect((await post({ ...first, authorEmail: 'someone.else@example.test' })).status).toBe(201)
    expect((await post({ ...first, body: 'The N3 was on time tonight.' })).status).toBe(201)
  })

  it('lets the desk set the status when posting, recording the moderator', async () => {
    const res = await post(submission(other, { status: 'approved', authorEmail: undefined }), {
      auth: auth.editor,
    })
    expect(res.status).toBe(201)
    const doc = await stored(res.body.doc.id)
    expect(doc.status).toBe('approved')
    expect(doc.moderatedBy).toBe(editor.id)
    expect(doc.moderatedAt).toBeTruthy()
  })

  it('does not let a contributor set the status either', async () => {
    const res = await post(submission(live, { status: 'approved' }), { auth: auth.contributor })
    expect(res.status).toBe(201)
    expect((await stored(res.body.doc.id)).status).toBe('pending')
  })

  it('refuses anonymous createComment over GraphQL (403), pointing to POST /api/comments', async () => {
    const { body } = await graphql(
      server.url,
      'mutation ($data: mutationCommentInput!) { createComment(data: $data) { id status } }',
      {
        data: { ...submission(live), status: 'approved' },
      },
    )
    expect(body.errors?.[0]?.message).toMatch(/POST \/api\/comments/)
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
  })

  it('lets a signed-in account post over GraphQL with the same rules', async () => {
    const { body } = await graphql(
      server.url,
      'mutation ($data: mutationCommentInput!) { createComment(data: $data) { id status } }',
      { data: { ...submission(live), status: 'approved' } },
      auth.contributor,
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.createComment.status).toBe('pending')
    const closedComment = await graphql(
      server.url,
      'mutation ($data: mutationCommentInput!) { createComment(data: $data) { id } }',
      { data: submission(closed) },
      auth.contributor,
    )
    expect(closedComment.body.errors?.[0]?.extensions?.statusCode).toBe(403)
  })

  it('does not offer to duplicate a comment', async () => {
    const original = await seed(live, 'approved')
    const res = await api('POST', `/api/comments/${original.id}/duplicate`, { json: {} })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  })
})

describe('reading comments', () => {
  /** Every comment, as the server sees it, filtered to what the public may read. */
  async function publicByRule(): Promise<Id[]> {
    const all = await payload.find({ collection: 'comments', depth: 1, pagination: false })
    return all.docs
      .filter(
        (c) =>
          c.status === 'approved' &&
          typeof c.article === 'object' &&
          c.article._status === 'published',
      )
      .map((c) => c.id)
      .sort((a, b) => a - b)
  }

  beforeAll(async () => {
    for (const status of ['approved', 'pending', 'rejected', 'spam'] as const) {
      await seed(live, status)
      await seed(other, status)
    }
    // An approved comment on an article that has since been unpublished: no longer public.
    const withdrawn = await createArticle(
      payload,
      { title: 'Withdrawn piece', authors: other.authors },
      'published',
    )
    await seed(withdrawn, 'approved')
    const { publisher: deskPublisher } = await desk(payload)
    await transitionAs(payload, deskPublisher, { id: withdrawn.id, action: 'unpublish' })
  })

  it('shows anonymous readers only approved comments of published articles, and totalDocs agrees', async () => {
    const res = await api('GET', '/api/comments?limit=100&depth=0')
    expect(res.status).toBe(200)
    const ids = res.body.docs.map((c: { id: Id }) => c.id).sort((a: Id, b: Id) => a - b)
    expect(ids).toEqual(await publicByRule())
    expect(ids.length).toBeGreaterThanOrEqual(2)
    expect(res.body.totalDocs).toBe(ids.length)
    for (const doc of res.body.docs) {
      expect(doc.status).toBe('approved')
      expect(doc).not.toHaveProperty('authorEmail')
      expect(doc).not.toHaveProperty('moderatedBy')
      expect(doc).not.toHaveProperty('senderHash')
    }
  })

  it('gives anonymous readers nothing when they ask for pending comments, and one by id answers 404', async () => {
    const res = await api('GET', '/api/comments?where[status][equals]=pending')
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(0)
    expect(res.body.docs).toEqual([])
    const pending = await seed(live, 'pending')
    expect((await api('GET', `/api/comments/${pending.id}`)).status).toBe(404)
  })

  it('refuses queries on the private fields', async () => {
    for (const query of ['where[authorEmail][like]=reader', 'where[senderHash][exists]=true']) {
      const res = await api('GET', `/api/comments?${query}`)
      expect(res.status, query).toBe(400)
    }
    const contributorQuery = await api('GET', '/api/comments?where[authorEmail][like]=reader', {
      auth: auth.contributor,
    })
    expect(contributorQuery.status).toBe(400)
  })

  it('answers the GraphQL Comments query with approved comments of published articles only', async () => {
    const { status, body } = await graphql(
      server.url,
      '{ Comments(limit: 100) { docs { id status } totalDocs } }',
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    const ids = body.data.Comments.docs.map((c: { id: Id }) => c.id).sort((a: Id, b: Id) => a - b)
    expect(ids).toEqual(await publicByRule())
    expect(body.data.Comments.totalDocs).toBe(ids.length)
    expect(new Set(body.data.Comments.docs.map((c: { status: string }) => c.status))).toEqual(
      new Set(['approved']),
    )

    const email = await graphql(server.url, '{ Comments(limit: 1) { docs { authorEmail } } }')
    expect(email.body.data?.Comments?.docs?.[0]?.authorEmail ?? null).toBeNull()
  })

  it('hides the comments of an article once it is unpublished, from REST, GraphQL and totalDocs', async () => {
    const pulled = await createArticle(
      payload,
      { title: 'Soon pulled', authors: [live.authors![0] as Id] },
      'published',
    )
    const comment = await seed(pulled, 'approved')
    const before = await api('GET', '/api/comments?limit=100&depth=0')
    expect(before.body.docs.map((c: { id: Id }) => c.id)).toContain(comment.id)

    const { publisher: deskPublisher } = await desk(payload)
    await transitionAs(payload, deskPublisher, { id: pulled.id, action: 'unpublish' })

    const after = await api('GET', '/api/comments?limit=100&depth=0')
    expect(after.body.docs.map((c: { id: Id }) => c.id)).not.toContain(comment.id)
    expect(after.body.totalDocs).toBe(before.body.totalDocs - 1)
    expect((await api('GET', `/api/comments/${comment.id}`)).status).toBe(404)
    const { body } = await graphql(server.url, '{ Comments(limit: 100) { docs { id } totalDocs } }')
    expect(body.data.Comments.docs.map((c: { id: Id }) => c.id)).not.toContain(comment.id)
    // The desk still sees it.
    const staffView = await api('GET', `/api/comments/${comment.id}`, { auth: auth.editor })
    expect(staffView.status).toBe(200)
  })

  it('lets a contributor read every comment on their own article, without the emails, and only the public ones elsewhere', async () => {
    const res = await api('GET', '/api/comments?limit=100&depth=0', { auth: auth.contributor })
    expect(res.status).toBe(200)
    const docs: Comment[] = res.body.docs
    const onLive = docs.filter((c) => c.article === live.id)
    expect(new Set(onLive.map((c) => c.status))).toEqual(
      new Set(['approved', 'pending', 'rejected', 'spam']),
    )
    for (const doc of docs) {
      expect(doc).not.toHaveProperty('authorEmail')
      expect(doc).not.toHaveProperty('senderHash')
      if (doc.article !== live.id) expect(doc.status).toBe('approved')
    }
    expect(docs.some((c) => c.article === other.id)).toBe(true)
    expect(res.body.totalDocs).toBe(docs.length)
  })
})

describe('moderation', () => {
  it('lets an editor approve: the server records who and when, and the article’s authors get an email', async () => {
    const reader = submission(live, { body: 'Please bring back the 2 a.m. service.' })
    const created = await post(reader)
    await runDueJobs(payload) // what earlier steps queued is not this test's to count
    const sendEmail = vi.spyOn(payload, 'sendEmail').mockResolvedValue(undefined)
    try {
      const res = await api('PATCH', `/api/comments/${created.body.doc.id}?depth=0`, {
        auth: auth.editor,
        json: {
          status: 'approved',
          moderatedBy: publisher.id,
          moderatedAt: '2000-01-01T00:00:00.000Z',
        },
      })
      expect(res.status).toBe(200)
      expect(res.body.doc.status).toBe('approved')
      const doc = await stored(created.body.doc.id)
      expect(doc.moderatedBy).toBe(editor.id)
      expect(Date.now() - Date.parse(doc.moderatedAt!)).toBeLessThan(60_000)

      // Queued with the approval, sent by the jobs runner once it has committed.
      expect(sendEmail).not.toHaveBeenCalled()
      await runDueJobs(payload)
      const message = sendEmail.mock.calls[0]![0] as { to: string[]; subject: string; text: string }
      expect(message.to).toEqual([contributor.email])
      expect(message.subject).toContain(live.title)
      expect(message.text).toContain(reader.body)
      expect(message.text).toContain('Eve Editor')
      expect(message.text).not.toContain(reader.authorEmail)
    } finally {
      sendEmail.mockRestore()
    }
  })

  it('keeps an approval when the email fails: the email waits for its retry', async () => {
    const created = await post(submission(live))
    const sendEmail = vi.spyOn(payload, 'sendEmail').mockRejectedValue(new Error('SMTP down'))
    try {
      const res = await api('PATCH', `/api/comments/${created.body.doc.id}`, {
        auth: auth.publisher,
        json: { status: 'approved' },
      })
      expect(res.status).toBe(200)
      await runDueJobs(payload, { silent: { error: true } })
      expect(sendEmail).toHaveBeenCalled()
      expect((await stored(created.body.doc.id)).status).toBe('approved')
      const pending = await payload.count({
        collection: 'payload-jobs',
        where: {
          and: [
            { taskSlug: { equals: 'sendEmail' } },
            { totalTried: { equals: 1 } },
            { hasError: { equals: false } },
          ],
        },
      })
      expect(pending.totalDocs).toBeGreaterThan(0)
    } finally {
      sendEmail.mockRestore()
    }
  })

  it('emails nobody about an approval that rolls back', async () => {
    const created = await post(submission(live))
    await runDueJobs(payload) // what earlier steps queued is not this test's to count
    const sendEmail = vi.spyOn(payload, 'sendEmail').mockResolvedValue(undefined)
    const commit = vi
      .spyOn(payload.db, 'commitTransaction')
      .mockRejectedValueOnce(new Error('disk I/O error'))
    // The failed commit is a server error, logged with its stack; expected here, so kept out of the log.
    const logged = vi.spyOn(payload.logger, 'error').mockImplementation(() => undefined)
    try {
      const res = await api('PATCH', `/api/comments/${created.body.doc.id}`, {
        auth: auth.publisher,
        json: { status: 'approved' },
      })
      commit.mockRestore()
      expect(logged).toHaveBeenCalled()
      expect(res.status).toBeGreaterThanOrEqual(500)
      expect((await stored(created.body.doc.id)).status).toBe('pending')
      await runDueJobs(payload)
      expect(sendEmail).not.toHaveBeenCalled()
    } finally {
      commit.mockRestore()
      logged.mockRestore()
      sendEmail.mockRestore()
    }
  })

  it('records rejections and spam verdicts without emailing anyone, and an edit that keeps the status changes no record', async () => {
    const created = await post(submission(live))
    const id = created.body.doc.id
    await runDueJobs(payload) // what earlier steps queued is not this test's to count
    const sendEmail = vi.spyOn(payload, 'sendEmail').mockResolvedValue(undefined)
    try {
      await api('PATCH', `/api/comments/${id}`, {
        auth: auth.publisher,
        json: { status: 'rejected' },
      })
      const rejected = await stored(id)
      expect(rejected.moderatedBy).toBe(publisher.id)

      const again = await api('PATCH', `/api/comments/${id}`, {
        auth: auth.editor,
        json: { status: 'rejected' },
      })
      expect(again.status, messages(again)).toBe(200)
      const edited = await stored(id)
      expect(edited.moderatedBy).toBe(publisher.id)
      expect(edited.moderatedAt).toBe(rejected.moderatedAt)

      const spam = await api('PATCH', `/api/comments/${id}`, {
        auth: auth.editor,
        json: { status: 'spam' },
      })
      expect(spam.status).toBe(200)
      expect((await stored(id)).moderatedBy).toBe(editor.id)
      await runDueJobs(payload)
      expect(sendEmail).not.toHaveBeenCalled()
    } finally {
      sendEmail.mockRestore()
    }
  })

  it("refuses (403) a change to a reader's name, email or text, by REST, in bulk and by GraphQL, and stores nothing of it", async () => {
    const created = await post(submission(live))
    const id = created.body.doc.id
    const before = await stored(id)
    for (const [field, value, word] of [
      ['authorName', 'Renamed by the desk', 'name'],
      ['authorEmail', 'someone-else@example.test', 'email'],
      ['body', 'Words the reader never wrote.', 'text'],
    ] as const) {
      const res = await api('PATCH', `/api/comments/${id}`, {
        auth: auth.editor,
        json: { status: 'approved', [field]: value },
      })
      expect(res.status, messages(res)).toBe(403)
      expect(messages(res)).toContain(`A comment's ${word} is the reader's own`)
    }
    const bulk = await api('PATCH', `/api/comments?where[id][equals]=${id}`, {
      auth: auth.publisher,
      json: { body: 'Bulk rewrite.' },
    })
    expect(bulk.body.docs ?? [], messages(bulk)).toHaveLength(0)
    expect(messages(bulk)).toContain("A comment's text is the reader's own")
    const { body } = await graphql(
      server.url,
      'mutation ($id: Int!) { updateComment(id: $id, data: { body: "Rewritten" }) { body } }',
      { id },
      auth.publisher,
    )
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
    // Nothing of any refused request was stored, not even the status sent with it.
    expect(await stored(id)).toEqual(before)

    // Sending the stored words back unchanged, as the admin's form does with a status change, is fine.
    const same = await api('PATCH', `/api/comments/${id}`, {
      auth: auth.editor,
      json: {
        status: 'approved',
        authorName: before.authorName,
        authorEmail: before.authorEmail,
        body: before.body,
      },
    })
    expect(same.status, messages(same)).toBe(200)
    expect((await stored(id)).status).toBe('approved')
  })

  it('never lets a status be cleared: 400 naming the status, and the comment keeps its own', async () => {
    const created = await post(submission(other))
    const id = created.body.doc.id
    for (const status of [null, '']) {
      const res = await api('PATCH', `/api/comments/${id}`, { auth: auth.editor, json: { status } })
      expect(res.status, messages(res)).toBe(400)
      expect(fieldPaths(res)).toEqual(['status'])
      expect(JSON.stringify(res.body)).toContain('A comment always has a status')
    }
    expect((await stored(id)).status).toBe('pending')
  })

  it('moderates a selection in one request (the list’s bulk verdict), recording the moderator on each', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await post(submission(other))).body.doc.id as Id),
    )
    const res = await api(
      'PATCH',
      `/api/comments?${ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')}&depth=0`,
      { auth: auth.editor, json: { status: 'rejected' } },
    )
    expect(res.status, messages(res)).toBe(200)
    expect(res.body.docs).toHaveLength(3)
    for (const id of ids) {
      expect(await stored(id)).toMatchObject({ status: 'rejected', moderatedBy: editor.id })
    }
  })

  it('approves over GraphQL too, with the same moderation record', async () => {
    const created = await post(submission(other))
    const { body } = await graphql(
      server.url,
      'mutation ($id: Int!) { updateComment(id: $id, data: { status: approved }) { status moderatedBy { id } } }',
      { id: created.body.doc.id },
      auth.publisher,
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.updateComment).toEqual({
      status: 'approved',
      moderatedBy: { id: publisher.id },
    })
  })

  it('does not let a contributor approve, edit or delete a comment on their own article, nor anyone anonymous', async () => {
    const created = await post(submission(live))
    const id = created.body.doc.id
    for (const who of [auth.contributor, undefined]) {
      expect(
        (await api('PATCH', `/api/comments/${id}`, { auth: who, json: { status: 'approved' } }))
          .status,
      ).toBe(403)
      expect((await api('DELETE', `/api/comments/${id}`, { auth: who })).status).toBe(403)
    }
    const { body } = await graphql(
      server.url,
      'mutation ($id: Int!) { updateComment(id: $id, data: { status: approved }) { status } }',
      { id },
      auth.contributor,
    )
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect((await stored(id)).status).toBe('pending')
  })

  it('lets editors and publishers delete comments', async () => {
    for (const who of [auth.editor, auth.publisher]) {
      const created = await post(submission(live))
      const res = await api('DELETE', `/api/comments/${created.body.doc.id}`, { auth: who })
      expect(res.status).toBe(200)
      expect(
        await payload.findByID({
          collection: 'comments',
          id: created.body.doc.id,
          disableErrors: true,
        }),
      ).toBeNull()
    }
  })
})

describe('rate limit on POST /api/comments', () => {
  let limited: TestServer
  beforeAll(async () => {
    await forgetRateLimits()
    process.env.COMMENT_RATE_LIMIT = '3/60'
    limited = await startTestServer()
    process.env.COMMENT_RATE_LIMIT = '1000/60'
  })
  afterAll(() => limited?.close())

  it('answers 429 JSON with Retry-After once an address has posted COMMENT_RATE_LIMIT times in the window', async () => {
    // Refused posts count too, so probing is throttled as well.
    expect((await api('POST', '/api/comments', { base: limited.url, json: {} })).status).toBe(400)
    for (let i = 0; i < 2; i++)
      expect(
        (await api('POST', '/api/comments', { base: limited.url, json: submission(live) })).status,
      ).toBe(201)

    const res = await api('POST', '/api/comments', { base: limited.url, json: submission(live) })
    expect(res.status).toBe(429)
    const retryAfter = Number(res.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(messages(res)).toMatch(/Too many comments/)

    // Reading is not limited.
    expect((await api('GET', '/api/comments', { base: limited.url })).status).toBe(200)
  })
})
