import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { buildServer } from '../../scripts/buildIfStale'
import { runServerUntilExit, startProductionServer } from '../helpers/productionServer'

const lines = (text: string) => text.trim().split('\n').filter(Boolean)

describe('server start-up with a bad configuration', () => {
  it.each([
    ['mysql://localhost/news', 'mysql'],
    ['sqlite.db', 'sqlite.db'],
  ])(
    'exits non-zero at once for DATABASE_URI=%s with one line naming the scheme and the accepted forms',
    async (uri, scheme) => {
      const { code, stderr, ms } = await runServerUntilExit({ DATABASE_URI: uri })
      expect(code).toBe(1)
      expect(lines(stderr)).toEqual([
        expect.stringContaining(`DATABASE_URI has unsupported scheme "${scheme}"`),
      ])
      expect(stderr).toMatch(
        /file:<path>.*postgres:\/\/.*postgresql:\/\/.*mongodb:\/\/.*mongodb\+srv:\/\//,
      )
      expect(ms).toBeLessThan(1000)
    },
  )

  it('exits within 15 s with one line naming the MongoDB host it could not reach', async () => {
    const { code, stderr, ms } = await runServerUntilExit({
      DATABASE_URI: 'mongodb://127.0.0.1:9/news',
    })
    expect(code).toBe(1)
    expect(lines(stderr)).toEqual([
      expect.stringMatching(/^Startup failed: Cannot reach MongoDB at 127\.0\.0\.1:9 /),
    ])
    expect(ms).toBeLessThan(15_000)
  })

  it.each([
    [
      'nothing listens on its port',
      'postgres://postgres@127.0.0.1:9/news',
      /^Startup failed: Cannot reach PostgreSQL at 127\.0\.0\.1:9 \(DATABASE_URI\) within 5 s: /,
    ],
    // A routable address that never answers: the connect timeout, not the OS's minutes.
    [
      'its host never answers',
      'postgresql://db@10.255.255.1:5432/news',
      /^Startup failed: Cannot reach PostgreSQL at 10\.255\.255\.1:5432 \(DATABASE_URI\) within 5 s: /,
    ],
  ])('exits within 10 s with one line naming the PostgreSQL host when %s', async (_, uri, line) => {
    const { code, stderr, ms } = await runServerUntilExit({ DATABASE_URI: uri })
    expect(code).toBe(1)
    expect(lines(stderr)).toEqual([expect.stringMatching(line)])
    expect(ms).toBeLessThan(10_000)
  })

  it('refuses to start in production without PAYLOAD_SECRET', async () => {
    const { code, stderr } = await runServerUntilExit({
      PAYLOAD_SECRET: '',
      DATABASE_URI: 'file:/tmp/unused.db',
    })
    expect(code).toBe(1)
    expect(lines(stderr)).toEqual([
      expect.stringContaining('PAYLOAD_SECRET is required in production'),
    ])
  })
})

describe('server lifecycle', () => {
  it('serves, then on SIGTERM finishes the request in flight and exits 0 within 10 s', async () => {
    const { base, child, exited } = await startProductionServer()

    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({
      status: 'ok',
      db: 'sqlite',
      jobs: { failed: 0 },
    })
    const inFlight = fetch(`${base}/api/articles?limit=1`)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const stoppedAt = Date.now()
    child.kill('SIGTERM')
    expect((await inFlight).status).toBe(200)
    expect(await exited).toBe(0)
    expect(Date.now() - stoppedAt).toBeLessThan(10_000)
    await expect(fetch(`${base}/healthz`)).rejects.toThrow()
  }, 40_000)
})

describe('the compiled server (npm run build:server, what npm start runs)', () => {
  it('builds, serves the API and the public reads, and stops on SIGTERM', async () => {
    expect(buildServer()).toBe(0)
    const { base, child, exited } = await startProductionServer({}, 'compiled')
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok' })
    const list = await fetch(`${base}/api/public/articles?limit=1`)
    expect(list.status).toBe(200)
    expect(await list.json()).toMatchObject({ docs: [], page: 1 })
    const graphql = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ publicArticle(slug: "none") { title } }' }),
    })
    expect(await graphql.json()).toEqual({ data: { publicArticle: null } })
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 60_000)
})

describe('a SQLite file whose path has a space', () => {
  it('reads what it writes (reads and writes open the same file)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom with space-'))
    const { base, child, exited } = await startProductionServer({
      DATABASE_URI: `file:${dir}/cms.db`,
      MEDIA_DIR: `${dir}/media`,
    })
    const register = () =>
      fetch(`${base}/api/users/first-register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email: 'first@example.test',
          password: 'first-admin-password',
          name: 'First',
        }),
      })
    expect((await register()).status).toBe(200)
    // The second is refused only if the read connection sees the user the writer stored.
    expect((await register()).status).toBe(403)
    expect(fs.readdirSync(dir)).toContain('cms.db')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 40_000)
})
