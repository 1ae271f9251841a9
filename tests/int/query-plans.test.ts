import { createClient, type Client, type InStatement } from '@libsql/client'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { listPublicArticles, readPublicArticle } from '../../src/services/publicPages/read'
import { publicListings, seedPlanArchive, type PlanArchive } from '../helpers/planArchive'
import { getTestPayload, testDatabase } from '../helpers/payload'

type Statement = Extract<InStatement, { args: unknown }>
type LibsqlClient = Client

/** Tables that grow with the archive; a full scan of one of them is a slow public page. */
const LARGE_TABLE = /^"?(articles|_articles_v|comments|public_pages|public_listings)\w*"?$/

let payload: Payload
let client: LibsqlClient

/** The SELECTs Payload sends to SQLite while running `query` as an anonymous reader. */
async function recordSelects(query: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = []
  const execute = client.execute
  client.execute = (statement: InStatement) => {
    if (typeof statement === 'object' && 'args' in statement && /^\s*select/i.test(statement.sql))
      seen.push(statement)
    return execute.call(client, statement)
  }
  try {
    await query()
  } finally {
    client.execute = execute
  }
  return seen
}

/**
 * Plan lines that make a listing's cost grow with the archive: a scan of a large table (of its
 * rows or of a whole index), a skip-scan ("ANY(…)"), or a sort of every matching row before the
 * limit ("USE TEMP B-TREE FOR ORDER BY" at the top level). Payload aliases `articles_texts` as
 * `articles__texts`; a bare "SCAN articles__texts" reads the subquery's own (indexed) result.
 */
async function slowSteps(statement: Statement, db: Client = client): Promise<string[]> {
  const tables = new Set(
    (await db.execute("select name from sqlite_master where type = 'table'")).rows.map((row) =>
      String(row.name),
    ),
  )
  const { rows } = await db.execute({
    sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
    args: statement.args,
  })
  const hasLimit = /\blimit\b/i.test(statement.sql)
  return rows
    .map((row) => ({ detail: String(row.detail), topLevel: Number(row.parent) === 0 }))
    .filter(({ detail, topLevel }) => {
      const name = /^(?:SCAN|SEARCH) (\S+)/.exec(detail)?.[1] ?? ''
      if (LARGE_TABLE.test(name)) {
        if (/\bANY\(/.test(detail)) return true
        if (detail.startsWith('SCAN') && (tables.has(name) || / USING /.test(detail))) return true
      }
      return topLevel && hasLimit && detail.startsWith('USE TEMP B-TREE FOR ORDER BY')
    })
    .map(({ detail }) => detail)
}

let archive: PlanArchive
const listings = publicListings(() => archive)

if (testDatabase() !== 'sqlite')
  console.log(`query-plans: skipped on ${testDatabase()} — these are SQLite's plans.`)

describe.skipIf(testDatabase() !== 'sqlite')('SQLite query plans of public listings', () => {
  beforeAll(async () => {
    payload = await getTestPayload()
    client = (payload.db as unknown as { client: LibsqlClient }).client
    archive = await seedPlanArchive(payload)
  })

  it.each(listings)('lists %s without scanning or sorting a large table', async (_name, where) => {
    const statements = await recordSelects(() =>
      payload.find({
        collection: 'articles',
        overrideAccess: false,
        depth: 1,
        limit: 20,
        sort: '-publishedAt',
        where: where(),
      }),
    )
    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements) {
      expect({ sql: statement.sql, slow: await slowSteps(statement) }).toEqual({
        sql: statement.sql,
        slow: [],
      })
    }
  })

  it.each([
    ['the front list', () => ({})],
    ['a later page', () => ({ page: 2 })],
    ['an author’s list', () => ({ author: archive.authorSlug })],
    ['a tag’s list', () => ({ tag: 'economy' })],
    ['a source’s list filtered by tag too', () => ({ source: archive.sourceSlug, tag: 'economy' })],
  ])('reads %s from the read model as one index range, sorting nothing', async (_name, filter) => {
    const statements = await recordSelects(() =>
      listPublicArticles(payload, { limit: 5, page: 1, ...filter() }),
    )
    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements) {
      expect({ sql: statement.sql, slow: await slowSteps(statement) }).toEqual({
        sql: statement.sql,
        slow: [],
      })
    }
  })

  it('reads an article page from the read model by its slug index', async () => {
    const { docs } = JSON.parse(await listPublicArticles(payload, { limit: 1, page: 1 })) as {
      docs: { slug: string }[]
    }
    const statements = await recordSelects(() => readPublicArticle(payload, docs[0].slug!))
    const pageReads = statements.filter((statement) => /public_pages/.test(statement.sql))
    expect(pageReads.length).toBeGreaterThan(0)
    for (const statement of pageReads) {
      const { rows } = await client.execute({
        sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
        args: statement.args,
      })
      const steps = rows.map((row) => String(row.detail)).filter((d) => /public_pages\b/.test(d))
      expect(steps.length).toBeGreaterThan(0)
      for (const step of steps) expect(step).toMatch(/^SEARCH .*USING INDEX public_pages_slug_idx/)
    }
  })

  it("reads an article's approved comments through the (article, status) index, not the low-selectivity status index", async () => {
    const [article] = (
      await payload.find({
        collection: 'articles',
        limit: 1,
        where: { _status: { equals: 'published' } },
      })
    ).docs
    const statements = await recordSelects(() =>
      payload.find({
        collection: 'comments',
        where: { and: [{ article: { equals: article.id } }, { status: { equals: 'approved' } }] },
        sort: 'createdAt',
        limit: 1000,
      }),
    )
    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements) {
      const { rows } = await client.execute({
        sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
        args: statement.args,
      })
      const steps = rows
        .map((row) => String(row.detail))
        .filter((detail) => / comments /.test(` ${detail} `))
      expect(steps.length).toBeGreaterThan(0)
      expect(steps.every((step) => /comments_article_status_created_at_idx/.test(step))).toBe(true)
    }
  })

  it('lists the moderation queue (newest pending comments) without sorting every comment', async () => {
    const statements = await recordSelects(() =>
      payload.find({
        collection: 'comments',
        where: { status: { equals: 'pending' } },
        sort: '-createdAt',
        limit: 100,
      }),
    )
    for (const statement of statements) {
      expect({ sql: statement.sql, slow: await slowSteps(statement) }).toEqual({
        sql: statement.sql,
        slow: [],
      })
    }
  })

  it('would catch a full scan, and a sort of every row, without the listing indexes', async () => {
    expect(
      await slowSteps({ sql: 'select * from articles where title = ? limit 20', args: ['x'] }),
    ).toEqual([expect.stringMatching(/^SCAN articles/)])
    // A second connection: Payload's own caches prepared statements, which lock the schema.
    const admin = createClient({ url: process.env.DATABASE_URI! })
    await admin.executeMultiple(
      'DROP INDEX articles_status_published_at_idx; DROP INDEX articles_texts_parent_idx;',
    )
    try {
      const statements = await recordSelects(() =>
        payload.find({
          collection: 'articles',
          overrideAccess: false,
          limit: 20,
          sort: '-publishedAt',
        }),
      )
      const slow = (
        await Promise.all(statements.map((statement) => slowSteps(statement, admin)))
      ).flat()
      expect(slow).toContain('USE TEMP B-TREE FOR ORDER BY')
      expect(slow.some((step) => /articles__texts/.test(step))).toBe(true)
    } finally {
      await admin.executeMultiple(
        'CREATE INDEX articles_status_published_at_idx ON articles (_status, published_at, created_at); CREATE INDEX articles_texts_parent_idx ON articles_texts (parent_id);',
      )
      admin.close()
    }
  })
})
