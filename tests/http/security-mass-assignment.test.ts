import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, Comment, Media, Source, User } from '../../src/payload-types'
import { createArticle, createAuthor, createSource, createUser } from '../helpers/factories'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/**
 * Mass assignment with prototype keys, over the real HTTP server: `__proto__`, `constructor` and
 * `prototype` keys at the top of a body and deep inside it (rich text, arrays), on every
 * collection's create and update, as JSON, as a multipart `_payload` and through GraphQL. Every
 * one is refused with 400 naming the key and where it was; nothing is stored, no role is gained,
 * and the server process's Object.prototype is untouched.
 */

// Many anonymous comment attempts come from one address; the comment rate limit is not under test.
process.env.COMMENT_RATE_LIMIT = '1000/60'

type Res = { status: number; body: any }

let server: TestServer
let payload: Payload
let contributor: User
let draft: Article
let live: Article
let author: Author
let source: Source
let comment: Comment
let media: Media
let png: Buffer
const auth = { admin: '', editor: '', contributor: '' }
let prototypeBefore: string[]

/** What a polluted Object.prototype would hand to every object that lacks the key. */
const GRANTS = `{"roles":["admin"],"isAdmin":true,"_status":"published","status":"approved","user":{"id":1,"roles":["admin"]}}`

beforeAll(async () => {
  prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()
  server = await startTestServer()
  payload = await getTestPayload()
  const admin = await createUser(payload, ['admin'], 'Ada Admin')
  const editor = await createUser(payload, ['editor'], 'Eve Editor')
  contributor = await createUser(payload, ['contributor'], 'Cleo Contributor')
  author = await createAuthor(payload, { name: 'Cleo Byline', user: contributor.id })
  source = await createSource(payload, { name: 'Port Authority' })
  draft = await createArticle(payload, { title: 'Unfinished piece', authors: [author.id] })
  live = await createArticle(
    payload,
    { title: 'Harbour reopens', authors: [author.id] },
    'published',
  )
  comment = await payload.create({
    collection: 'comments',
    data: {
      article: live.id,
      authorName: 'Reader',
      authorEmail: 'r@example.test',
      body: 'Good news.',
      status: 'pending',
    },
  })
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  media = await payload.create({
    collection: 'media',
    data: { alt: 'Harbour' },
    file: { data: png, mimetype: 'image/png', name: 'harbour.png', size: png.length },
  })
  auth.admin = await login(server.url, admin.email)
  auth.editor = await login(server.url, editor.email)
  auth.contributor = await login(server.url, contributor.email)
})
afterAll(() => server?.close())

// ---------------------------------------------------------------------------------------------
// Helpers

async function send(
  method: string,
  path: string,
  body: string | FormData,
  who?: keyof typeof auth,
): Promise<Res> {
  const headers: Record<string, string> = who ? { Authorization: auth[who] } : {}
  if (typeof body === 'string') headers['Content-Type'] = 'application/json'
  const res = await fetch(`${server.url}${path}`, { method, headers, body })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON: kept as text, so a failing assertion shows it
  }
  return { status: res.status, body: parsed }
}

const message = (res: Res): string => res.body?.errors?.[0]?.message ?? JSON.stringify(res.body)

/** A Lexical body whose text node carries `extra` (raw JSON members) next to its own. */
const lexical = (extra: string) =>
  `{"root":{"type":"root","version":1,"format":"","indent":0,"direction":null,"children":[{"type":"paragraph","version":1,"format":"","indent":0,"direction":null,"textFormat":0,"children":[{"type":"text","version":1,"text":"Hello","format":0,"mode":"normal","style":"","detail":0,${extra}}]}]}}`

/** Every document of every collection, as the database holds it, to prove an attack changed nothing. */
const snapshot = async () => {
  const all: Record<string, unknown> = {}
  for (const collection of [
    'articles',
    'authors',
    'sources',
    'comments',
    'media',
    'users',
    'workflow-events',
  ] as const) {
    all[collection] = (
      await payload.find({
        collection,
        depth: 0,
        limit: 1000,
        draft: true,
        showHiddenFields: true,
        sort: 'id',
      })
    ).docs
  }
  return all
}

type Who = keyof typeof auth | 'anonymous'
type Attack = { who: Who; request: string; body: string; at: string }

/**
 * Each attack: who sends it, where, the raw JSON body, and the path of the key the refusal names.
 * Bodies are raw strings: a `__proto__` member in a JavaScript object literal sets its prototype
 * instead of becoming a key, so JSON.stringify would drop it.
 */
function attacks(): Attack[] {
  const attack = (who: Who, request: string, body: string, at: string): Attack => ({
    who,
    request,
    body,
    at,
  })
  const article = `"title":"Mine","authors":[${author.id}]`
  const reader = `"article":${live.id},"authorName":"Reader","authorEmail":"x@example.test","body":"Hi"`
  const account = `"email":"new@example.test","password":"a-long-password","name":"New"`
  const event = `"action":"submit","from":"draft","to":"in_review","seq":99`
  const inText = 'body.root.children.0.children.0'
  return [
    attack('contributor', 'POST /api/articles', `{${article},"__proto__":${GRANTS}}`, '__proto__'),
    attack(
      'contributor',
      'POST /api/articles',
      `{${article},"constructor":{"prototype":${GRANTS}}}`,
      'constructor',
    ),
    attack(
      'editor',
      'POST /api/articles',
      `{"title":"Mine","authors":[{"__proto__":${GRANTS}}]}`,
      'authors.0.__proto__',
    ),
    attack(
      'editor',
      'POST /api/articles',
      `{${article},"body":${lexical(`"__proto__":${GRANTS}`)}}`,
      `${inText}.__proto__`,
    ),
    attack(
      'editor',
      'POST /api/articles',
      `{${article},"body":${lexical(`"constructor":{"prototype":${GRANTS}}`)}}`,
      `${inText}.constructor`,
    ),
    attack(
      'editor',
      'POST /api/authors',
      `{"name":"New","links":[{"label":"Site","url":"https://a.test","__proto__":${GRANTS}}]}`,
      'links.0.__proto__',
    ),
    attack(
      'contributor',
      'POST /api/sources',
      `{"name":"New source","kind":"other","constructor":{"prototype":${GRANTS}}}`,
      'constructor',
    ),
    attack(
      'anonymous',
      'POST /api/comments',
      `{${reader},"__proto__":{"status":"approved"}}`,
      '__proto__',
    ),
    attack('admin', 'POST /api/users', `{${account},"__proto__":${GRANTS}}`, '__proto__'),
    attack('editor', 'POST /api/media', `{"alt":"x","prototype":${GRANTS}}`, 'prototype'),
    attack('admin', 'POST /api/workflow-events', `{${event},"__proto__":${GRANTS}}`, '__proto__'),
    attack(
      'contributor',
      `PATCH /api/articles/${draft.id}`,
      `{"title":"Changed","__proto__":${GRANTS}}`,
      '__proto__',
    ),
    attack(
      'contributor',
      `PATCH /api/articles/${draft.id}`,
      `{"body":${lexical(`"__proto__":${GRANTS}`)}}`,
      `${inText}.__proto__`,
    ),
    attack(
      'editor',
      `PATCH /api/articles?where[id][equals]=${draft.id}`,
      `{"dek":"x","__proto__":${GRANTS}}`,
      '__proto__',
    ),
    attack(
      'editor',
      `PATCH /api/authors/${author.id}`,
      `{"bio":"Changed","constructor":{"prototype":${GRANTS}}}`,
      'constructor',
    ),
    attack(
      'editor',
      `PATCH /api/sources/${source.id}`,
      `{"notes":"Changed","__proto__":${GRANTS}}`,
      '__proto__',
    ),
    attack(
      'editor',
      `PATCH /api/comments/${comment.id}`,
      `{"body":"Changed","__proto__":{"status":"approved"}}`,
      '__proto__',
    ),
    attack(
      'contributor',
      `PATCH /api/users/${contributor.id}`,
      `{"name":"Changed","__proto__":${GRANTS}}`,
      '__proto__',
    ),
    attack(
      'contributor',
      `PATCH /api/users/${contributor.id}`,
      `{"name":"Changed","constructor":{"prototype":${GRANTS}}}`,
      'constructor',
    ),
    attack(
      'contributor',
      'PATCH /api/users/me',
      `{"name":"Changed","__proto__":${GRANTS}}`,
      '__proto__',
    ),
    attack(
      'editor',
      `PATCH /api/media/${media.id}`,
      `{"alt":"Changed","__proto__":${GRANTS}}`,
      '__proto__',
    ),
    attack(
      'admin',
      'PATCH /api/workflow-events?where[seq][exists]=true',
      `{"note":"x","__proto__":${GRANTS}}`,
      '__proto__',
    ),
  ]
}

/**
 * The server runs in this process, so Object.prototype is compared directly. Then requests whose
 * answers change once it gains `_status` or `status` (tried on purpose: the public then gets a
 * held comment, or a 500), and the contributor's roles and powers, unchanged.
 */
async function expectUnpolluted() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
  const empty: Record<string, unknown> = {}
  for (const key of ['roles', 'isAdmin', '_status', 'status', 'user'])
    expect(empty[key]).toBeUndefined()

  const me = await fetch(`${server.url}/api/users/me`, {
    headers: { Authorization: auth.contributor },
  }).then((r) => r.json())
  expect(me.user.roles).toEqual(['contributor'])
  const publicArticles = await fetch(`${server.url}/api/articles?draft=true&depth=0`).then((r) =>
    r.json(),
  )
  expect(publicArticles.docs.map((doc: Article) => doc.title)).toEqual(['Harbour reopens'])
  expect((await fetch(`${server.url}/api/articles/${draft.id}?draft=true`)).status).toBe(404)
  const publicComments = await fetch(`${server.url}/api/comments`).then((r) => r.json())
  expect(publicComments.totalDocs).toBe(0)
  expect((await fetch(`${server.url}/api/users`)).status).toBe(403)
  expect(
    (
      await fetch(`${server.url}/api/workflow-events`, {
        headers: { Authorization: auth.contributor },
      })
    ).status,
  ).toBe(200)
  const asContributor = await send(
    'PATCH',
    `/api/users/${contributor.id}`,
    '{"roles":["admin"]}',
    'contributor',
  )
  expect(asContributor.status).toBe(403)
}

// ---------------------------------------------------------------------------------------------

describe('prototype keys in JSON bodies', () => {
  it('refuses each with 400 naming the key and its path, on every collection, create and update', async () => {
    const before = await snapshot()
    const answers = []
    for (const { who, request, body } of attacks()) {
      const [method, path] = request.split(' ') as [string, string]
      const res = await send(method, path, body, who === 'anonymous' ? undefined : who)
      answers.push({ request, status: res.status, message: message(res) })
    }
    expect(answers).toEqual(
      attacks().map(({ request, at }) => ({
        request,
        status: 400,
        message: `The request body contains the forbidden key "${at.split('.').at(-1)}" at ${at}.`,
      })),
    )
    expect(await snapshot()).toEqual(before)
    await expectUnpolluted()
  })

  it('refuses them in GraphQL variables too', async () => {
    const res = await send(
      'POST',
      '/api/graphql',
      `{"query":"mutation ($data: mutationUserUpdateInput!) { updateUser(id: ${contributor.id}, data: $data) { roles } }","variables":{"data":{"name":"Changed","__proto__":${GRANTS}}}}`,
      'contributor',
    )
    expect(res.status).toBe(400)
    expect(message(res)).toBe(
      'The request body contains the forbidden key "__proto__" at variables.data.__proto__.',
    )
    await expectUnpolluted()
  })

  it('still accepts the same saves without the forbidden keys', async () => {
    const article = await send(
      'POST',
      '/api/articles',
      `{"title":"Mine","authors":[${author.id}],"body":${lexical('"id":"x"')}}`,
      'contributor',
    )
    expect(article.status).toBe(201)
    expect(article.body.doc._status).toBe('draft')
    const account = await send(
      'PATCH',
      `/api/users/${contributor.id}`,
      '{"name":"Cleo C."}',
      'contributor',
    )
    expect(account.status).toBe(200)
    expect(account.body.doc.roles).toEqual(['contributor'])
  })
})

describe('prototype keys that reach Payload another way', () => {
  const form = (data: string, file?: Buffer) => {
    const body = new FormData()
    body.append('_payload', data)
    if (file)
      body.append('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), 'photo.png')
    return body
  }

  it('refuses them in a multipart `_payload` field (the upload form), nothing stored', async () => {
    const before = await snapshot()
    const cases: [string, string, FormData, keyof typeof auth, string][] = [
      [
        'POST',
        '/api/articles',
        form(
          `{"title":"Mine","authors":[${author.id}],"body":${lexical(`"__proto__":${GRANTS}`)}}`,
        ),
        'contributor',
        'body.root.children.0.children.0.__proto__',
      ],
      [
        'PATCH',
        `/api/users/${contributor.id}`,
        form(`{"name":"Changed","__proto__":${GRANTS}}`),
        'contributor',
        '__proto__',
      ],
      [
        'POST',
        '/api/media',
        form(`{"alt":"Photo","constructor":{"prototype":${GRANTS}}}`, png),
        'editor',
        'constructor',
      ],
      [
        'PATCH',
        `/api/media/${media.id}`,
        form(`{"alt":"Photo","__proto__":${GRANTS}}`, png),
        'editor',
        '__proto__',
      ],
    ]
    for (const [method, path, body, who, keyPath] of cases) {
      const res = await send(method, path, body, who)
      expect({ path, status: res.status, message: message(res) }).toEqual({
        path,
        status: 400,
        message: `The data contains the forbidden key "${keyPath.split('.').at(-1)}" at ${keyPath}.`,
      })
    }
    expect(await snapshot()).toEqual(before)
    await expectUnpolluted()
  })

  it('refuses a `_payload` that is not an object (Payload answered a string with 500)', async () => {
    for (const data of ['"a string"', '42', 'null']) {
      const res = await send('POST', '/api/media', form(data, png), 'editor')
      expect({ data, status: res.status, message: message(res) }).toEqual({
        data,
        status: 400,
        message: 'The data must be a JSON object.',
      })
    }
  })

  it('refuses them in an object literal inside a GraphQL mutation (rich text is a JSON scalar)', async () => {
    const before = await snapshot()
    const literal = `{ root: { type: "root", version: 1, children: [], __proto__: { roles: ["admin"] }, constructor: { prototype: { isAdmin: true } } } }`
    const { body } = await graphql(
      server.url,
      `mutation { createArticle(draft: true, data: { title: "Mine", authors: [${author.id}], body: ${literal} }) { id } }`,
      undefined,
      auth.editor,
    )
    expect(body.errors?.[0]).toMatchObject({
      message: 'The data contains the forbidden key "__proto__" at body.root.__proto__.',
      extensions: { statusCode: 400 },
    })
    expect(body.data?.createArticle ?? null).toBeNull()
    expect(await snapshot()).toEqual(before)
    await expectUnpolluted()
  })
})
