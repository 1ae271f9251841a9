import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { body } from '../helpers/factories'
import { startProductionServer, type ProductionServer } from '../helpers/productionServer'

/**
 * The outbox across a crash, on the real production server: a publish commits with its webhook
 * job, the server is killed -9 before any runner has delivered it, and the next start delivers it,
 * once.
 */

const SECRET = 'crash-test-secret'
const deliveries: { id: string; event: string }[] = []
const receiver = http.createServer((req, res) => {
  let raw = ''
  req.on('data', (chunk) => (raw += chunk))
  req.on('end', () => {
    deliveries.push({ id: String(req.headers['webhook-id']), event: JSON.parse(raw).event })
    res.writeHead(204).end()
  })
})

let hook: string
const servers: ProductionServer[] = []

async function start(env: Record<string, string>): Promise<ProductionServer> {
  const server = await startProductionServer({
    WEBHOOK_URLS: hook,
    WEBHOOK_SECRET: SECRET,
    AUTH_RATE_LIMIT: '100/60',
    ...env,
  })
  servers.push(server)
  return server
}

async function call(base: string, method: string, path: string, json?: unknown, auth?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body: json === undefined ? undefined : JSON.stringify(json),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`)
  return JSON.parse(text)
}

const loginAs = async (base: string, email: string) =>
  `JWT ${(await call(base, 'POST', '/api/users/login', { email, password: 'crash-test-password' })).token}`

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
})
afterAll(async () => {
  for (const server of servers) server.child.kill('SIGKILL')
  await new Promise((resolve) => receiver.close(resolve))
})

describe('a publish whose server is killed before the webhook is delivered', () => {
  it('is delivered after the restart, once', async () => {
    // No runner: the job is committed with the publish and nobody delivers it before the kill.
    const first = await start({ JOBS_AUTORUN: 'false' })
    const password = 'crash-test-password'
    await call(first.base, 'POST', '/api/users/first-register', {
      email: 'admin@crash.test',
      password,
      name: 'Admin',
    })
    const admin = await loginAs(first.base, 'admin@crash.test')
    for (const [email, role] of [
      ['editor@crash.test', 'editor'],
      ['publisher@crash.test', 'publisher'],
    ]) {
      await call(
        first.base,
        'POST',
        '/api/users',
        { email, password, name: role, roles: [role] },
        admin,
      )
    }
    const author = (await call(first.base, 'POST', '/api/authors', { name: 'Ada Crash' }, admin))
      .doc
    const article = (
      await call(
        first.base,
        'POST',
        '/api/articles?draft=true',
        {
          title: 'Outbox survives a crash',
          dek: 'A standfirst',
          body: body('A paragraph.'),
          authors: [author.id],
        },
        admin,
      )
    ).doc
    const editor = await loginAs(first.base, 'editor@crash.test')
    const publisher = await loginAs(first.base, 'publisher@crash.test')
    await call(
      first.base,
      'POST',
      `/api/articles/${article.id}/workflow`,
      { action: 'submit' },
      editor,
    )
    await call(
      first.base,
      'POST',
      `/api/articles/${article.id}/workflow`,
      { action: 'approve' },
      publisher,
    )
    const published = await call(
      first.base,
      'POST',
      `/api/articles/${article.id}/workflow`,
      { action: 'publish' },
      publisher,
    )
    expect(published.reviewState).toBe('published')

    first.child.kill('SIGKILL')
    await first.exited
    expect(deliveries).toEqual([])

    // The same database, now with a runner.
    const second = await start({
      JOBS_AUTORUN: 'true',
      DATABASE_URI: `file:${first.dir}/cms.db`,
      MEDIA_DIR: `${first.dir}/media`,
    })
    await vi.waitFor(() => expect(deliveries).toHaveLength(1), { timeout: 20_000, interval: 100 })
    expect(deliveries[0]).toEqual({
      id: expect.stringMatching(/^evt_/),
      event: 'article.published',
    })
    // Two more turns of the runner (every 5 s) deliver nothing more.
    await new Promise((resolve) => setTimeout(resolve, 11_000))
    expect(deliveries).toHaveLength(1)
    const health = await (await fetch(`${second.base}/healthz`)).json()
    expect(health).toMatchObject({ status: 'ok', jobs: { failed: 0 } })
  }, 90_000)
})
