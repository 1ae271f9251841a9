import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startProductionServer, type ProductionServer } from '../helpers/productionServer'

type Line = Record<string, unknown>

/** The real server at LOG_LEVEL=info, and what it writes to stdout. */
let server: ProductionServer
let stdout = ''
const lines = () =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line)
const linesOf = (requestId: string) => lines().filter((line) => line.requestId === requestId)

beforeAll(async () => {
  server = await startProductionServer({ LOG_LEVEL: 'info', CACHE: 'off' })
  server.child.stdout?.on('data', (chunk) => (stdout += chunk))
}, 40_000)
afterAll(async () => {
  server?.child.kill('SIGTERM')
  await server?.exited
})

describe('the access log', () => {
  it('writes one line per request at info: request id, method, path without query or token, status, ms', async () => {
    const list = await fetch(`${server.base}/api/articles?limit=1&token=query-s3cret`, {
      headers: { 'X-Request-Id': 'trace-list-1' },
    })
    expect(list.status).toBe(200)
    const preview = await fetch(`${server.base}/api/preview/eyJhIjoxfQ.path-s3cret`, {
      headers: { 'X-Request-Id': 'trace-preview-1' },
    })
    expect(preview.status).toBeGreaterThanOrEqual(400)
    const login = await fetch(`${server.base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'trace-login-1' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong-password' }),
    })
    expect(login.status).toBe(401)

    const access = (requestId: string) => linesOf(requestId).filter((line) => 'ms' in line)
    await vi.waitFor(() => expect(access('trace-login-1')).toHaveLength(1), {
      timeout: 5_000,
      interval: 50,
    })
    expect(access('trace-list-1')).toEqual([
      expect.objectContaining({
        level: 30,
        method: 'GET',
        path: '/api/articles',
        status: 200,
        ms: expect.any(Number),
      }),
    ])
    expect(access('trace-list-1')[0].msg).toMatch(/^GET \/api\/articles 200 [\d.]+ ms$/)
    expect(access('trace-preview-1')).toEqual([
      expect.objectContaining({ path: '/api/preview/[token]', status: preview.status }),
    ])
    expect(access('trace-login-1')).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/users/login', status: 401 }),
    ])
    expect(stdout).not.toMatch(/s3cret/)
  })
})

describe('refusals in the log', () => {
  it.each([
    [
      'REST',
      'trace-refused-rest',
      () =>
        fetch(`${server.base}/api/users`, { headers: { 'X-Request-Id': 'trace-refused-rest' } }),
    ],
    [
      'GraphQL',
      'trace-refused-graphql',
      () =>
        fetch(`${server.base}/api/graphql`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'trace-refused-graphql' },
          body: JSON.stringify({ query: '{ Users { totalDocs } }' }),
        }),
    ],
  ])(
    'logs a Forbidden over %s as one info line without a stack, not an error',
    async (_, requestId, request) => {
      const res = await request()
      expect(JSON.stringify(await res.json())).toContain(
        'You are not allowed to perform this action.',
      )
      await vi.waitFor(
        () => expect(linesOf(requestId).filter((line) => 'ms' in line)).toHaveLength(1),
        { timeout: 5_000, interval: 50 },
      )
      const logged = linesOf(requestId).filter((line) => !('ms' in line))
      expect(logged).toEqual([
        expect.objectContaining({ level: 30, msg: 'You are not allowed to perform this action.' }),
      ])
      expect(logged[0]).not.toHaveProperty('err')
    },
  )
})
