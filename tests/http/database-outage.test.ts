import { createRequire } from 'node:module'

import { MongoServerSelectionError } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload, testDatabase } from '../helpers/payload'
import { startProductionServer, type ProductionServer } from '../helpers/productionServer'

const UNAVAILABLE = {
  errors: [{ message: 'The database is unavailable; try again in a few seconds.' }],
}

const timed = async (url: string, init?: RequestInit) => {
  const started = performance.now()
  const res = await fetch(url, init)
  const text = await res.text()
  return {
    status: res.status,
    ms: performance.now() - started,
    retryAfter: res.headers.get('retry-after'),
    text,
  }
}

if (testDatabase() !== 'sqlite')
  console.log(
    `database-outage: the SQLite lock test is skipped on ${testDatabase()} — it locks the SQLite file.`,
  )

describe.skipIf(testDatabase() !== 'sqlite')('the SQLite file locked by another process', () => {
  let server: ProductionServer
  type Connection = { exec(sql: string): void; close(): void }
  let other: Connection
  const register = (email: string) =>
    timed(`${server.base}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'first-admin-password', name: 'First Admin' }),
    })

  beforeAll(async () => {
    server = await startProductionServer({ CACHE: 'off' })
    const Database = createRequire(createRequire(import.meta.url).resolve('@libsql/client'))(
      'libsql',
    ) as new (path: string) => Connection
    other = new Database(`${server.dir}/cms.db`)
  }, 30_000)
  afterAll(async () => {
    other?.close()
    server?.child.kill('SIGTERM')
    await server?.exited
  })

  it('answers a write 503 JSON at once while the lock is held, keeps serving reads, and writes again after', async () => {
    other.exec('BEGIN IMMEDIATE')
    const refused = await register('first@example.test')
    expect(refused.status).toBe(503)
    expect(JSON.parse(refused.text)).toEqual({
      errors: [{ message: UNAVAILABLE.errors[0].message, requestId: expect.any(String) }],
    })
    expect(refused.retryAfter).toBe('5')
    expect(refused.text).not.toMatch(/SQLITE|locked|cms\.db|\/tmp/)
    expect(refused.ms).toBeLessThan(1_000)
    expect((await timed(`${server.base}/api/articles`)).status).toBe(200)
    expect((await timed(`${server.base}/healthz`)).status).toBe(200)

    other.exec('ROLLBACK')
    expect((await register('first@example.test')).status).toBe(200)
  }, 30_000)
})

describe('the database becoming unreachable while serving', () => {
  let server: TestServer
  let payload: Payload

  beforeAll(async () => {
    server = await startTestServer()
    payload = await getTestPayload()
  })
  afterAll(() => server?.close())

  it('answers 503 JSON quickly, refuses at once while it is away, says so on /healthz, and recovers by itself', async () => {
    // The driver's own error for a server that cannot be reached or a file that cannot be opened.
    const lost = {
      mongodb: new MongoServerSelectionError('connect ECONNREFUSED 10.0.0.9:27017', {
        error: undefined,
      } as never),
      postgres: Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432'), {
        code: 'ECONNREFUSED',
      }),
      sqlite: new Error(
        'ConnectionFailed("Unable to open connection to local database /data/cms.db: 14")',
      ),
    }[testDatabase()]
    const db = payload.db as unknown as Record<
      'find' | 'count' | 'findOne',
      (...args: unknown[]) => unknown
    >
    const outage = (['find', 'count', 'findOne'] as const).map((method) =>
      vi.spyOn(db, method).mockRejectedValue(lost),
    )
    // The outage is logged at error level (an operator must hear of it), with the driver's error and
    // nothing else; here it is expected, so it is checked instead of printed into the test log.
    const logged = vi.spyOn(payload.logger, 'error').mockImplementation(() => undefined)

    const first = await timed(`${server.url}/api/articles`)
    expect(first.status).toBe(503)
    expect(JSON.parse(first.text)).toEqual({
      errors: [{ message: UNAVAILABLE.errors[0].message, requestId: expect.any(String) }],
    })
    expect(first.retryAfter).toBe('5')
    expect(first.text).not.toMatch(/ConnectionFailed|ECONNREFUSED|cms\.db/)

    // find and findOne serve requests; the background probe only counts.
    const requestQueries = () => outage[0].mock.calls.length + outage[2].mock.calls.length
    const queried = requestQueries()
    const next = await timed(`${server.url}/api/sources`)
    expect(next.status).toBe(503)
    expect(next.ms).toBeLessThan(200)
    const graphql = await timed(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Articles { totalDocs } }' }),
    })
    expect(graphql.status).toBe(503)
    // Refused at the door: neither request reached the database.
    expect(requestQueries()).toBe(queried)

    const health = await timed(`${server.url}/healthz`)
    expect(health.status).toBe(503)
    expect(JSON.parse(health.text)).toMatchObject({
      status: 'unavailable',
      error: 'The database did not answer.',
    })

    outage.forEach((spy) => spy.mockRestore())
    expect(logged).toHaveBeenCalledWith({
      err: lost,
      msg: 'The database is unavailable; answering 503 until it is back.',
    })
    expect(logged.mock.calls.map(([line]) => (line as { err?: unknown }).err)).toEqual(
      logged.mock.calls.map(() => lost),
    )
    logged.mockRestore()
    await vi.waitFor(
      async () => expect((await timed(`${server.url}/api/articles`)).status).toBe(200),
      { timeout: 5_000, interval: 200 },
    )
    expect((await timed(`${server.url}/healthz`)).status).toBe(200)
  }, 30_000)
})
