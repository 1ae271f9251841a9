import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { usingMongo } from '../helpers/payload'
import { startProductionServer, type ProductionServer } from '../helpers/productionServer'

/**
 * The database goes away under a running server, for real: the SQLite file's directory is moved
 * away (new connections then fail to open it, as on a lost volume), and later moved back.
 */
const sqliteOnly = usingMongo()
if (sqliteOnly) console.log('database-outage: skipped on MongoDB — it moves the SQLite file away; MongoDB outages answer the same 503 through the driver errors (README: Security, Faults).')

describe.skipIf(sqliteOnly)('the database becoming unavailable while serving', () => {
  let server: ProductionServer
  const timed = async (path: string, init?: RequestInit) => {
    const started = performance.now()
    const res = await fetch(`${server.base}${path}`, init)
    const text = await res.text()
    return { status: res.status, ms: performance.now() - started, retryAfter: res.headers.get('retry-after'), text }
  }
  const writeComment = () =>
    timed('/api/comments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ article: 1 }) })

  beforeAll(async () => {
    server = await startProductionServer({ CACHE: 'off' })
  }, 30_000)
  afterAll(async () => {
    if (fs.existsSync(`${server.dir}-away`)) fs.renameSync(`${server.dir}-away`, server.dir)
    server?.child.kill('SIGTERM')
    await server?.exited
  })

  it('answers 503 JSON quickly, says so on /healthz, and recovers by itself when it is back', async () => {
    expect((await timed('/api/articles')).status).toBe(200)
    expect((await timed('/healthz')).status).toBe(200)

    fs.renameSync(server.dir, `${server.dir}-away`)
    // The connection open before the outage may serve one more operation; after that, every
    // request needs a new one. Within a few requests the API answers 503 — never a 500.
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await timed('/api/articles?limit=1'), await writeComment())
    expect(answers.map((a) => a.status).filter((s) => ![200, 404, 503].includes(s))).toEqual([])
    const refused = await timed('/api/articles?limit=1')
    expect(refused.status).toBe(503)
    expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: 'The database is unavailable; try again in a few seconds.' }] })
    expect(refused.retryAfter).toBe('5')
    expect(refused.text).not.toMatch(/SQLITE|cms\.db|\/tmp/)
    expect(refused.ms).toBeLessThan(500)
    const graphql = await timed('/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Articles { totalDocs } }' }),
    })
    expect(graphql.status).toBe(503)
    const health = await timed('/healthz')
    expect(health.status).toBe(503)
    expect(JSON.parse(health.text)).toEqual({ status: 'unavailable', db: 'sqlite', error: 'The database did not answer.' })
    expect(health.ms).toBeLessThan(2_500)

    fs.renameSync(`${server.dir}-away`, server.dir)
    await vi.waitFor(async () => expect((await timed('/api/articles?limit=1')).status).toBe(200), { timeout: 5_000, interval: 200 })
    expect((await timed('/healthz')).status).toBe(200)
    expect((await writeComment()).status).toBe(404) // a real answer again: there is no article 1
  }, 30_000)
})
