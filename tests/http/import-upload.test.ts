import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser } from '../helpers/factories'
import { login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/** POST /api/import: the blog import for admins, over the real HTTP server. */

const FIXTURES = path.resolve('tests/fixtures/import')
const WORDPRESS = path.join(FIXTURES, 'wordpress-export.xml')

let server: TestServer
let payload: Payload
const auth = { admin: '', editor: '' }

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  // The first account ever created becomes an admin, so the admin comes first.
  const admin = await createUser(payload, ['admin'], 'Ada Admin')
  const editor = await createUser(payload, ['editor'], 'Eve Editor')
  auth.admin = await login(server.url, admin.email)
  auth.editor = await login(server.url, editor.email)
})

afterAll(async () => {
  await server?.close()
})

async function upload(
  file: string,
  options: { auth?: string; query?: string; name?: string } = {},
) {
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(file)]), options.name ?? path.basename(file))
  const res = await fetch(`${server.url}/api/import${options.query ? `?${options.query}` : ''}`, {
    method: 'POST',
    headers: options.auth ? { Authorization: options.auth } : {},
    body: form,
  })
  return { status: res.status, body: (await res.json()) as any }
}

describe('POST /api/import', () => {
  it('refuses anonymous visitors (401) and staff who are not admins (403)', async () => {
    const anonymous = await upload(WORDPRESS)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toMatch(/log in/i)
    const editor = await upload(WORDPRESS, { auth: auth.editor })
    expect(editor.status).toBe(403)
    expect(editor.body.errors[0].message).toMatch(/admin/i)
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(0)
  })

  it('a dry run reports what would happen and saves nothing', async () => {
    const { status, body } = await upload(WORDPRESS, { auth: auth.admin, query: 'dryRun=true' })
    expect(status).toBe(200)
    expect(body.report.dryRun).toBe(true)
    expect(body.summary.posts.created).toBeGreaterThan(0)
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(0)
  })

  it('imports a WordPress export for an admin, and importing it again changes nothing', async () => {
    const first = await upload(WORDPRESS, { auth: auth.admin })
    expect(first.status).toBe(200)
    expect(first.body.file).toBe('wordpress-export.xml')
    expect(first.body.report.files).toEqual([
      expect.objectContaining({ file: 'wordpress-export.xml', format: 'wordpress' }),
    ])
    const { posts, comments, authors, quotes } = first.body.summary
    expect(posts.created).toBeGreaterThan(0)
    expect(posts.failed).toBe(0)
    expect(comments.created).toBeGreaterThan(0)
    expect(authors.created).toBeGreaterThan(0)
    expect(quotes.withAttribution + quotes.withoutAttribution).toBeGreaterThan(0)
    expect(first.body.text).toMatch(/^Posts: +\d+ created/m)
    const saved = await payload.count({ collection: 'articles' })
    expect(saved.totalDocs).toBe(posts.created)

    const again = await upload(WORDPRESS, { auth: auth.admin })
    expect(again.status).toBe(200)
    expect(again.body.summary.posts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: posts.created,
      failed: 0,
    })
    expect(again.body.summary.comments.created).toBe(0)
    expect(again.body.summary.authors.created).toBe(0)
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(posts.created)
  })

  it('takes a raw body with ?filename= as well', async () => {
    const res = await fetch(`${server.url}/api/import?filename=copied-post.txt&dryRun=1`, {
      method: 'POST',
      headers: { Authorization: auth.admin, 'Content-Type': 'text/plain' },
      body: fs.readFileSync(path.join(FIXTURES, 'copied-post.txt')),
    })
    const body = (await res.json()) as any
    expect(res.status).toBe(200)
    expect(body.report.files[0]).toMatchObject({ file: 'copied-post.txt', format: 'text' })
    expect(body.report.posts).toHaveLength(1)
  })

  it.each(['truncated.xml', 'broken-tags.xml', 'unknown.xml', 'empty.txt'])(
    'answers a bad file (%s) with a 400 and one line',
    async (name) => {
      const { status, body } = await upload(path.join(FIXTURES, 'bad', name), { auth: auth.admin })
      expect(status).toBe(400)
      const message: string = body.errors[0].message
      expect(message.startsWith(`${name}: `)).toBe(true)
      expect(message).not.toContain('\n')
      expect(message).not.toContain('newsroom-import-')
    },
  )

  it('refuses an unknown format, a missing file and an upload over 20 MB', async () => {
    const badFormat = await upload(WORDPRESS, { auth: auth.admin, query: 'format=myspace' })
    expect(badFormat.status).toBe(400)
    expect(badFormat.body.errors[0].message).toMatch(
      /format must be one of blogger, wordpress, html, text/,
    )

    const noFile = await fetch(`${server.url}/api/import`, {
      method: 'POST',
      headers: { Authorization: auth.admin, 'Content-Type': 'text/plain' },
      body: 'hello',
    })
    expect(noFile.status).toBe(400)

    const huge = await fetch(`${server.url}/api/import?filename=huge.txt`, {
      method: 'POST',
      headers: { Authorization: auth.admin, 'Content-Type': 'text/plain' },
      body: Buffer.alloc(21 * 1024 * 1024, 'a'),
    })
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as any).errors[0].message).toMatch(/20 MB/)
  })
})
