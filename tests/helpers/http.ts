import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import { createApp } from '../../src/server/createApp'
import { getTestPayload } from './payload'
import { PASSWORD } from './factories'

export type TestServer = { url: string; close: () => Promise<void> }

/** The real express app (API only, no Next) listening on a free port. */
export async function startTestServer(): Promise<TestServer> {
  const payload = await getTestPayload()
  const app = await createApp({ payload })
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Logs in over REST and returns the Authorization header value. */
export async function login(base: string, email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200)
    throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`)
  const { token } = (await res.json()) as { token: string }
  return `JWT ${token}`
}

export async function graphql(base: string, query: string, variables?: object, auth?: string) {
  const res = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return {
    status: res.status,
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: any }[] },
  }
}
