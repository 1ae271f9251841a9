/**
 * The floor: what one raw SQL query per page costs on this machine, served by node:http with
 * @libsql/client on the same SQLite data (with our indexes) — no framework, no access control, no
 * count of the total. No Payload-based server can be faster than this on the same page.
 *
 *   GET /list            the list page: 20 newest published, their authors' names and slugs
 *   GET /article/:slug   the article with its authors, sources and tags (no comments)
 *   GET /api/articles    answers 200 once the database is open (the benchmark's readiness check)
 */
import http from 'node:http'

import { createClient } from '@libsql/client'

const db = createClient({ url: process.env.DATABASE_URI ?? '' })

const authorsOf = (fields: string) => `(SELECT json_group_array(json_object(${fields})) FROM (
    SELECT au.* FROM articles_rels r JOIN authors au ON au.id = r.authors_id
    WHERE r.parent_id = a.id AND r.path = 'authors' ORDER BY r."order") au)`

const LIST = `SELECT a.id, a.title, a.slug, a.dek, a.published_at AS publishedAt, a.hero_image_id AS heroImage,
    ${authorsOf(`'id', au.id, 'name', au.name, 'slug', au.slug`)} AS authors
  FROM articles a WHERE a._status = 'published' ORDER BY a.published_at DESC LIMIT 20`

const ARTICLE = `SELECT a.id, a.title, a.slug, a.dek, a.body, a.published_at AS publishedAt, a.hero_image_id AS heroImage,
    a.comments_enabled AS commentsEnabled,
    ${authorsOf(`'id', au.id, 'name', au.name, 'slug', au.slug, 'bio', au.bio`)} AS authors,
    (SELECT json_group_array(json_object('id', s.id, 'name', s.name, 'slug', s.slug, 'kind', s.kind, 'url', s.url)) FROM (
      SELECT so.* FROM articles_rels r JOIN sources so ON so.id = r.sources_id
      WHERE r.parent_id = a.id AND r.path = 'sources' ORDER BY r."order") s) AS sources,
    (SELECT json_group_array(t.text) FROM articles_texts t WHERE t.parent_id = a.id AND t.path = 'tags') AS tags
  FROM articles a WHERE a.slug = ? AND a._status = 'published' LIMIT 1`

const JSON_COLUMNS = ['authors', 'sources', 'tags', 'body']
const toDoc = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      JSON_COLUMNS.includes(key) && typeof value === 'string' ? JSON.parse(value) : value,
    ]),
  )

const send = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://floor')
    if (url.pathname === '/list') {
      const { rows } = await db.execute(LIST)
      return send(res, 200, { docs: rows.map((row) => toDoc({ ...row })) })
    }
    const slug = /^\/article\/([^/]+)$/.exec(url.pathname)?.[1]
    if (slug) {
      const { rows } = await db.execute({ sql: ARTICLE, args: [decodeURIComponent(slug)] })
      return rows[0]
        ? send(res, 200, toDoc({ ...rows[0] }))
        : send(res, 404, { errors: [{ message: 'Not found' }] })
    }
    if (url.pathname === '/api/articles') return send(res, 200, { ok: true })
    send(res, 404, { errors: [{ message: 'Not found' }] })
  } catch (error) {
    console.error(error)
    send(res, 500, { errors: [{ message: String(error) }] })
  }
})
server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1')
