import type { Pool, PoolClient, QueryConfig } from 'pg'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { listPublicArticles, readPublicArticle } from '../../src/services/publicPages/read'
import { publicListings, seedPlanArchive, type PlanArchive } from '../helpers/planArchive'
import { getTestPayload, testDatabase } from '../helpers/payload'

/** Tables that grow with the archive; a full scan of one of them is a slow public page. */
const LARGE_TABLE = /^(articles|_articles_v|comments|public_pages|public_listings)(_\w+)?$/

type Statement = { text: string; values: unknown[] }
type PlanNode = {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PlanNode[]
}

let payload: Payload
let pool: Pool

/** The SELECTs Payload sends to PostgreSQL (through its pool) while running `query`. */
async function recordSelects(query: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = []
  const original = pool.query
  pool.query = function (this: Pool, config: unknown, ...rest: unknown[]) {
    const statement = config as QueryConfig
    if (typeof statement === 'object' && /^\s*select/i.test(statement.text))
      // drizzle passes the values apart from the statement.
      seen.push({ text: statement.text, values: statement.values ?? (rest[0] as unknown[]) ?? [] })
    return (original as (...args: unknown[]) => unknown).call(this, config, ...rest)
  } as typeof pool.query
  try {
    await query()
  } finally {
    pool.query = original
  }
  return seen
}

/**
 * The plan PostgreSQL picks when a full scan and a sort cost all but infinity (the test tables
 * are small, so it would scan them anyway): any Seq Scan of a large table or Sort left in it has
 * no index to replace it, and grows with the archive. In `client`'s open transaction when given.
 */
async function plan(statement: Statement, client?: PoolClient): Promise<PlanNode> {
  const own = client ?? (await pool.connect())
  const [open, close] = client
    ? ['savepoint plan', 'rollback to savepoint plan']
    : ['begin', 'rollback']
  try {
    await own.query(open)
    await own.query('set local enable_seqscan = off')
    await own.query('set local enable_sort = off')
    const { rows } = await own.query({
      text: `explain (format json) ${statement.text}`,
      values: statement.values,
    })
    return (rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan
  } finally {
    await own.query(close)
    if (!client) own.release()
  }
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)]
}

/**
 * Plan steps whose cost grows with the archive: a full scan of a large table, or a sort of rows
 * read from one to put them in order. The sort under a `Unique` is Payload's `select distinct` of
 * a filter through a join (a tag, an author): it de-duplicates the matching rows, read by index,
 * and is Payload's own query shape, which the read model's public lists do without.
 */
async function slowSteps(statement: Statement, client?: PoolClient): Promise<string[]> {
  const slow: string[] = []
  const visit = (node: PlanNode, parent?: PlanNode) => {
    const large = nodes(node).find((n) => LARGE_TABLE.test(n['Relation Name'] ?? ''))
    if (node['Node Type'] === 'Seq Scan' && LARGE_TABLE.test(node['Relation Name'] ?? ''))
      slow.push(`Seq Scan on ${node['Relation Name']}`)
    if (node['Node Type'] === 'Sort' && large && parent?.['Node Type'] !== 'Unique')
      slow.push(`Sort over ${large['Relation Name']}`)
    for (const child of node.Plans ?? []) visit(child, node)
  }
  visit(await plan(statement, client))
  return slow
}

let archive: PlanArchive
const listings = publicListings(() => archive)

if (testDatabase() !== 'postgres')
  console.log(`query-plans-postgres: skipped on ${testDatabase()} — these are PostgreSQL's plans.`)

describe.runIf(testDatabase() === 'postgres')('PostgreSQL query plans of public listings', () => {
  beforeAll(async () => {
    payload = await getTestPayload()
    pool = (payload.db as unknown as { pool: Pool }).pool
    archive = await seedPlanArchive(payload)
    await pool.query('analyze')
  })

  const expectFast = async (statements: Statement[]) => {
    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements)
      expect({ sql: statement.text, slow: await slowSteps(statement) }).toEqual({
        sql: statement.text,
        slow: [],
      })
  }

  it.each(listings)('lists %s without scanning or sorting a large table', async (_, where) =>
    expectFast(
      await recordSelects(() =>
        payload.find({
          collection: 'articles',
          overrideAccess: false,
          depth: 1,
          limit: 20,
          sort: '-publishedAt',
          where: where(),
        }),
      ),
    ),
  )

  it.each([
    ['the front list', () => ({})],
    ['a later page', () => ({ page: 2 })],
    ['an author’s list', () => ({ author: archive.authorSlug })],
    ['a tag’s list', () => ({ tag: 'economy' })],
  ])('reads %s from the read model without scanning or sorting', async (_, filter) =>
    expectFast(
      await recordSelects(() => listPublicArticles(payload, { limit: 5, page: 1, ...filter() })),
    ),
  )

  it('reads an article page and its approved comments by index', async () => {
    const { docs } = JSON.parse(await listPublicArticles(payload, { limit: 1, page: 1 })) as {
      docs: { slug: string }[]
    }
    await expectFast(await recordSelects(() => readPublicArticle(payload, docs[0]!.slug)))
  })

  it('lists the moderation queue (newest pending comments) without sorting every comment', async () =>
    expectFast(
      await recordSelects(() =>
        payload.find({
          collection: 'comments',
          where: { status: { equals: 'pending' } },
          sort: '-createdAt',
          limit: 100,
        }),
      ),
    ))

  it('would catch a full scan, and a sort of every row, without the listing indexes', async () => {
    expect(
      await slowSteps({ text: 'select * from articles where title = $1 limit 20', values: ['x'] }),
    ).toEqual(['Seq Scan on articles'])
    // Recorded first: Payload's own connections would wait on the dropped indexes' lock.
    const statements = await recordSelects(() =>
      payload.find({
        collection: 'articles',
        overrideAccess: false,
        limit: 20,
        sort: '-publishedAt',
      }),
    )
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query('drop index articles_status_published_at_idx')
      await client.query('drop index articles_published_at_idx')
      const slow = []
      for (const statement of statements) slow.push(...(await slowSteps(statement, client)))
      expect(slow).toContain('Sort over articles')
    } finally {
      await client.query('rollback')
      client.release()
    }
  })
})
