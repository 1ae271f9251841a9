import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { User } from '../../src/payload-types'
import { createUser, PASSWORD } from '../helpers/factories'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { forgetRateLimits, getTestPayload, usingMongo } from '../helpers/payload'

/**
 * Accounts and sessions under attack, over the real HTTP server (REST and GraphQL): guessing
 * passwords, stale tokens, raising one's own role, unlocking, taking over an account with a stolen
 * session, probing which emails exist, replaying reset links, and using a signed-in cookie from
 * another site.
 */

const { SERVER_ORIGIN, SITE_ORIGIN, EVIL_ORIGIN } = vi.hoisted(() => {
  // SERVER_URL and CORS_ORIGINS are read when the config is built (the imports above); vi.hoisted
  // runs first. AUTH_RATE_LIMIT is read when a server is created: this one allows plenty, and the
  // rate-limit tests start servers with low limits.
  const values = {
    SERVER_ORIGIN: 'https://cms.example.test',
    SITE_ORIGIN: 'https://site.example.test',
    EVIL_ORIGIN: 'https://evil.example',
  }
  process.env.SERVER_URL = values.SERVER_ORIGIN
  process.env.CORS_ORIGINS = values.SITE_ORIGIN
  process.env.AUTH_RATE_LIMIT = '1000/900'
  return values
})

type Res = { status: number; headers: Headers; body: any }

let server: TestServer
let payload: Payload
let admin: User
let adminAuth: string
let editor: User
let editorAuth: string

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  admin = await createUser(payload, ['admin'], 'Ada Admin')
  editor = await createUser(payload, ['editor'], 'Eve Editor')
  adminAuth = await login(server.url, admin.email)
  editorAuth = await login(server.url, editor.email)
})
afterAll(() => server?.close())

// ---------------------------------------------------------------------------------------------
// Helpers

async function api(
  method: string,
  path: string,
  opts: { auth?: string; json?: unknown; headers?: Record<string, string>; base?: string } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.auth) headers.Authorization = opts.auth
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${opts.base ?? server.url}${path}`, {
    method,
    headers,
    body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: kept as text, so a failing assertion shows it
  }
  return { status: res.status, headers: res.headers, body }
}

const message = (res: Res): string => res.body?.errors?.[0]?.message ?? JSON.stringify(res.body)

const tryLogin = (email: string, password: string, base?: string) =>
  api('POST', '/api/users/login', { json: { email, password }, base })

const ID = () => (usingMongo() ? 'String' : 'Int')

const gqlLogin = (email: string, password: string, base = server.url) =>
  graphql(
    base,
    'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
    {
      email,
      password,
    },
  )

/** What the database holds, hidden auth fields included. */
const stored = async (id: User['id']) =>
  (await payload.findByID({
    collection: 'users',
    id,
    showHiddenFields: true,
    depth: 0,
  })) as User & {
    hash: string
    loginAttempts?: number
    lockUntil?: string | null
    resetPasswordToken?: string | null
    resetPasswordExpiration?: string | null
  }

const lock = (user: User) =>
  payload.db.updateOne({
    collection: 'users',
    id: user.id,
    data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 10 * 60_000).toISOString() },
  })

/** Starts a second server on the same Payload with its own AUTH_RATE_LIMIT. */
async function serverLimitedTo(limit: string): Promise<TestServer> {
  await forgetRateLimits()
  process.env.AUTH_RATE_LIMIT = limit
  try {
    return await startTestServer()
  } finally {
    process.env.AUTH_RATE_LIMIT = '1000/900'
  }
}

// ---------------------------------------------------------------------------------------------

describe('password guessing', () => {
  it('locks an account for 10 minutes after 5 wrong passwords; then even the right one fails, on REST and GraphQL', async () => {
    const victim = await createUser(payload, ['editor'])
    for (let i = 0; i < 5; i++) {
      const res = await tryLogin(victim.email, `guess-${i}`)
      expect(res.status).toBe(401)
      expect(message(res)).toBe('The email or password provided is incorrect.')
    }

    const rest = await tryLogin(victim.email, PASSWORD)
    expect(rest.status).toBe(401)
    expect(message(rest)).toMatch(/locked/)
    expect(rest.body.token).toBeUndefined()

    const { body } = await gqlLogin(victim.email, PASSWORD)
    expect(body.data?.loginUser ?? null).toBeNull()
    expect(body.errors?.[0].message).toMatch(/locked/)

    const lockedFor = Date.parse((await stored(victim.id)).lockUntil!) - Date.now()
    expect(lockedFor).toBeGreaterThan(9 * 60_000)
    expect(lockedFor).toBeLessThanOrEqual(10 * 60_000)
  })

  it('answers 429 with Retry-After once an address has made AUTH_RATE_LIMIT login, forgot- or reset-password attempts, REST and GraphQL together', async () => {
    const limited = await serverLimitedTo('4/900')
    try {
      const base = limited.url
      expect((await tryLogin(editor.email, 'wrong-1', base)).status).toBe(401)
      expect(
        (
          await api('POST', '/api/users/forgot-password', {
            base,
            json: { email: 'nobody@example.test' },
          })
        ).status,
      ).toBe(200)
      expect((await gqlLogin(editor.email, 'wrong-2', base)).status).toBe(200) // GraphQL: the error is in the body
      expect(
        (
          await api('POST', '/api/users/reset-password', {
            base,
            json: { token: 'nope', password: 'x-12345678' },
          })
        ).status,
      ).toBe(403)

      // The fifth attempt is refused before any password is checked, even the right one.
      const refused = await tryLogin(editor.email, PASSWORD, base)
      expect(refused.status).toBe(429)
      expect(message(refused)).toMatch(
        /Too many login or password-reset attempts from your address/,
      )
      const retryAfter = Number(refused.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(900)

      // Every route and spelling that reaches the same operations is counted.
      for (const path of [
        '/api/users/forgot-password',
        '/api/users/reset-password',
        '/api/users/LOGIN/',
      ]) {
        expect(
          (await api('POST', path, { base, json: { email: editor.email, password: PASSWORD } }))
            .status,
        ).toBe(429)
      }
      const gql = await gqlLogin(editor.email, PASSWORD, base)
      expect(gql.status).toBe(429)
      expect(gql.body.errors?.[0].message).toMatch(/Too many/)
      expect(
        (await graphql(base, 'mutation { forgotPasswordUser(email: "nobody@example.test") }'))
          .status,
      ).toBe(429)

      // Nothing else is limited: other GraphQL, reads with a token.
      expect((await graphql(base, '{ Articles { totalDocs } }')).status).toBe(200)
      expect((await api('GET', '/api/users/me', { base, auth: editorAuth })).body.user.id).toBe(
        editor.id,
      )
    } finally {
      await limited.close()
    }
  })

  it('refuses a GraphQL request that carries several login mutations (aliases), so one request is one guess', async () => {
    const victim = await createUser(payload, ['editor'])
    const query = `mutation {
      a: loginUser(email: "${victim.email}", password: "guess-a") { token }
      b: loginUser(email: "${victim.email}", password: "guess-b") { token }
    }`
    const { status, body } = await graphql(server.url, query)
    expect(status).toBe(400)
    expect(body.errors?.[0].message).toMatch(
      /one loginUser, forgotPasswordUser or resetPasswordUser mutation per request/,
    )
    expect((await stored(victim.id)).loginAttempts ?? 0).toBe(0)
  })

  it('answers an unknown email exactly as a wrong password, after the same full password hash', async () => {
    const unknown = await tryLogin('nobody-here@example.test', 'some-password')
    const wrong = await tryLogin(editor.email, 'some-password')
    expect(unknown.status).toBe(wrong.status)
    expect(unknown.body).toEqual(wrong.body)

    // The response time must not tell them apart: both cost one PBKDF2 at Payload's current strength.
    const pbkdf2 = vi.spyOn(crypto, 'pbkdf2')
    try {
      await tryLogin('nobody-else@example.test', 'some-password')
      expect(pbkdf2.mock.calls.filter((call) => call[2] === 600_000)).toHaveLength(1)
    } finally {
      pbkdf2.mockRestore()
    }
    // A successful login resets the counter, so the editor is not drifting towards a lockout.
    await login(server.url, editor.email)
  })
})

describe('unlocking', () => {
  it('refuses an editor (403, REST and GraphQL) and the account stays locked; an admin unlocks it', async () => {
    const victim = await createUser(payload, ['contributor'])
    await lock(victim)

    const byEditor = await api('POST', '/api/users/unlock', {
      auth: editorAuth,
      json: { email: victim.email },
    })
    expect(byEditor.status).toBe(403)
    const gql = await graphql(
      server.url,
      `mutation { unlockUser(email: "${victim.email}") }`,
      undefined,
      editorAuth,
    )
    expect(gql.body.errors?.[0].extensions?.statusCode).toBe(403)
    expect(message(await tryLogin(victim.email, PASSWORD))).toMatch(/locked/)

    const byAdmin = await api('POST', '/api/users/unlock', {
      auth: adminAuth,
      json: { email: victim.email },
    })
    expect(byAdmin.status).toBe(200)
    expect((await tryLogin(victim.email, PASSWORD)).status).toBe(200)
  })
})

describe('sessions', () => {
  it('a token no longer works after logout', async () => {
    const user = await createUser(payload, ['editor'])
    const token = await login(server.url, user.email)
    expect((await api('GET', '/api/users/me', { auth: token })).body.user.id).toBe(user.id)

    expect((await api('POST', '/api/users/logout', { auth: token })).status).toBe(200)

    expect((await api('GET', '/api/users/me', { auth: token })).body.user).toBeNull()
    expect((await api('GET', '/api/users', { auth: token })).status).toBe(403)
    expect((await api('POST', '/api/users/refresh-token', { auth: token })).status).not.toBe(200)
  })
})

describe('creating an account', () => {
  const account = (email: string, roles?: unknown) => ({
    email,
    password: PASSWORD,
    name: 'New Account',
    ...(roles === undefined ? {} : { roles }),
  })

  it.each([
    ['without roles', undefined],
    ['with no role', []],
  ])('refuses one %s with a 400 that names the roles field', async (_case, roles) => {
    const email = `no-role-${crypto.randomUUID()}@example.test`
    const res = await api('POST', '/api/users', { auth: adminAuth, json: account(email, roles) })
    expect(res.status).toBe(400)
    expect(res.body.errors[0]).toMatchObject({
      name: 'ValidationError',
      data: { errors: [{ path: 'roles', message: expect.stringContaining('at least one role') }] },
    })
    expect(
      (await payload.find({ collection: 'users', where: { email: { equals: email } } })).totalDocs,
    ).toBe(0)
  })

  // GraphQL's schema already requires the field; an empty list reaches the validation.
  it('refuses one with no role over GraphQL too', async () => {
    const gql = await graphql(
      server.url,
      'mutation ($email: String!) { createUser(data: { email: $email, password: "secret-123456", name: "New", roles: [] }) { roles } }',
      { email: `no-role-${crypto.randomUUID()}@example.test` },
      adminAuth,
    )
    expect(gql.body.errors?.[0]).toMatchObject({ extensions: { statusCode: 400 } })
    expect(JSON.stringify(gql.body.errors?.[0])).toContain('at least one role')
  })

  it('saves exactly the roles chosen', async () => {
    const res = await api('POST', '/api/users', {
      auth: adminAuth,
      json: account(`editor-${crypto.randomUUID()}@example.test`, ['editor']),
    })
    expect(res.status).toBe(201)
    expect((await stored(res.body.doc.id)).roles).toEqual(['editor'])
  })
})

describe('raising one’s own role', () => {
  const ROLES_REFUSED = 'Only an admin can change roles; ask an admin.'
  it.each([
    ['PATCH /api/users/:id', (user: User) => `/api/users/${user.id}`, 403, ROLES_REFUSED],
    // Payload has no PATCH /me: it is PATCH /:id with the id "me", which is not an id.
    ['PATCH /api/users/me', () => '/api/users/me', 404, '"me" is not a valid user id'],
    [
      'PATCH /api/users?where (bulk)',
      (user: User) => `/api/users?where[id][equals]=${user.id}`,
      403,
      ROLES_REFUSED,
    ],
  ])(
    '%s with roles as an editor answers %i and changes nothing',
    async (_route, path, status, refusal) => {
      const user = await createUser(payload, ['editor'])
      const auth = await login(server.url, user.email)
      const res = await api('PATCH', path(user), { auth, json: { roles: ['admin'] } })
      expect(res.status).toBe(status)
      expect(message(res)).toContain(refusal)
      expect((await stored(user.id)).roles).toEqual(['editor'])
    },
  )

  it('refuses it over GraphQL too, and lets the account save its other fields with its roles unchanged', async () => {
    const user = await createUser(payload, ['contributor'])
    const auth = await login(server.url, user.email)
    const gql = await graphql(
      server.url,
      `mutation ($id: ${ID()}!) { updateUser(id: $id, data: { roles: [admin] }) { roles } }`,
      { id: user.id },
      auth,
    )
    expect(gql.body.errors?.[0]).toMatchObject({
      message: 'Only an admin can change roles; ask an admin.',
      extensions: { statusCode: 403 },
    })

    // The admin form sends the roles back unchanged with every save: that is not a change.
    const save = await api('PATCH', `/api/users/${user.id}`, {
      auth,
      json: { name: 'Renamed', roles: ['contributor'] },
    })
    expect(save.status).toBe(200)
    expect(await stored(user.id)).toMatchObject({ name: 'Renamed', roles: ['contributor'] })
  })

  it('lets an admin change roles', async () => {
    const user = await createUser(payload, ['contributor'])
    const res = await api('PATCH', `/api/users/${user.id}`, {
      auth: adminAuth,
      json: { roles: ['editor'] },
    })
    expect(res.status).toBe(200)
    expect((await stored(user.id)).roles).toEqual(['editor'])
  })
})

describe('changing email or password with a stolen session', () => {
  it('needs the current password to change one’s own password: missing 400, wrong 403, right 200', async () => {
    const user = await createUser(payload, ['editor'])
    const auth = await login(server.url, user.email)
    const otherSession = await login(server.url, user.email)
    const before = (await stored(user.id)).hash

    const missing = await api('PATCH', `/api/users/${user.id}`, {
      auth,
      json: { password: 'taken-over-1' },
    })
    expect(missing.status).toBe(400)
    expect(message(missing)).toMatch(/needs your current password: send it as "currentPassword"/)

    const wrong = await api('PATCH', `/api/users/${user.id}`, {
      auth,
      json: { password: 'taken-over-1', currentPassword: 'guess' },
    })
    expect(wrong.status).toBe(403)
    expect(message(wrong)).toBe('The current password is wrong; your password was not changed.')
    expect((await stored(user.id)).hash).toBe(before)

    const right = await api('PATCH', `/api/users/${user.id}`, {
      auth,
      json: { password: 'new-password-1', currentPassword: PASSWORD },
    })
    expect(right.status).toBe(200)
    expect(right.body.doc).not.toHaveProperty('currentPassword')
    expect((await tryLogin(user.email, PASSWORD)).status).toBe(401)
    expect((await tryLogin(user.email, 'new-password-1')).status).toBe(200)
    // The session that changed it stays signed in; every other one is signed out.
    expect((await api('GET', '/api/users/me', { auth })).body.user?.id).toBe(user.id)
    expect((await api('GET', '/api/users/me', { auth: otherSession })).body.user).toBeNull()
  })

  it('needs the current password to change one’s own email, but not to change one’s name', async () => {
    const user = await createUser(payload, ['contributor'])
    const auth = await login(server.url, user.email)
    const attacker = 'attacker@evil.example'

    expect(
      (await api('PATCH', `/api/users/${user.id}`, { auth, json: { email: attacker } })).status,
    ).toBe(400)
    expect(
      (
        await api('PATCH', `/api/users/${user.id}`, {
          auth,
          json: { email: attacker, currentPassword: 'guess' },
        })
      ).status,
    ).toBe(403)
    expect((await stored(user.id)).email).toBe(user.email)

    // Sending the email unchanged (as the admin form does) is not a change.
    const rename = await api('PATCH', `/api/users/${user.id}`, {
      auth,
      json: { name: 'New Name', email: user.email.toUpperCase() },
    })
    expect(rename.status).toBe(200)

    const right = await api('PATCH', `/api/users/${user.id}`, {
      auth,
      json: { email: 'moved@example.test', currentPassword: PASSWORD },
    })
    expect(right.status).toBe(200)
    expect((await stored(user.id)).email).toBe('moved@example.test')
  })

  it('cannot be sidestepped over GraphQL or with a bulk update', async () => {
    const user = await createUser(payload, ['editor'])
    const auth = await login(server.url, user.email)
    const before = (await stored(user.id)).hash

    const gql = await graphql(
      server.url,
      `mutation ($id: ${ID()}!) { updateUser(id: $id, data: { password: "taken-over-1" }) { id } }`,
      { id: user.id },
      auth,
    )
    expect(gql.body.errors?.[0]).toMatchObject({ extensions: { statusCode: 400 } })
    expect(gql.body.errors?.[0].message).toMatch(/needs your current password/)

    const bulk = await api('PATCH', `/api/users?where[id][equals]=${user.id}`, {
      auth,
      json: { password: 'taken-over-1' },
    })
    expect(bulk.status).toBe(400)
    expect((await stored(user.id)).hash).toBe(before)
  })

  it('accepts the change over GraphQL with the right currentPassword, as the admin account page sends it', async () => {
    const user = await createUser(payload, ['editor'])
    const auth = await login(server.url, user.email)
    const before = (await stored(user.id)).hash
    const gql = await graphql(
      server.url,
      `mutation ($id: ${ID()}!, $current: String!) { updateUser(id: $id, data: { password: "renewed-pass-1", currentPassword: $current }) { id } }`,
      { id: user.id, current: PASSWORD },
      auth,
    )
    expect(gql.body.errors).toBeUndefined()
    expect((await stored(user.id)).hash).not.toBe(before)
    expect(await login(server.url, user.email, 'renewed-pass-1')).toMatch(/^JWT /)
  })

  it('throttles wrong current passwords per account like logins: after 5, even the right one waits (429)', async () => {
    const user = await createUser(payload, ['editor'])
    const auth = await login(server.url, user.email)
    for (let i = 0; i < 5; i++) {
      const res = await api('PATCH', `/api/users/${user.id}`, {
        auth,
        json: { password: 'taken-over-1', currentPassword: `guess-${i}` },
      })
      expect(res.status).toBe(403)
    }
    const res = await api('PATCH', `/api/users/${user.id}`, {
      auth,
      json: { password: 'new-password-1', currentPassword: PASSWORD },
    })
    expect(res.status).toBe(429)
    expect(message(res)).toMatch(
      /Too many wrong current passwords for this account; try again in 10 min/,
    )
  })

  it('lets an admin set someone else’s password without theirs, but not the admin’s own without the current one', async () => {
    const user = await createUser(payload, ['publisher'])
    expect(
      (
        await api('PATCH', `/api/users/${user.id}`, {
          auth: adminAuth,
          json: { password: 'set-by-admin-1' },
        })
      ).status,
    ).toBe(200)
    expect((await tryLogin(user.email, 'set-by-admin-1')).status).toBe(200)

    expect(
      (
        await api('PATCH', `/api/users/${admin.id}`, {
          auth: adminAuth,
          json: { password: 'taken-over-1' },
        })
      ).status,
    ).toBe(400)
    expect((await tryLogin(admin.email, PASSWORD)).status).toBe(200)
  })
})

describe('forgot and reset password', () => {
  /** Asks for a reset link and returns the token it carries, read from the email Payload sends. */
  async function resetTokenFor(email: string): Promise<string> {
    const send = vi.spyOn(payload.email, 'sendEmail')
    try {
      expect((await api('POST', '/api/users/forgot-password', { json: { email } })).status).toBe(
        200,
      )
      expect(send).toHaveBeenCalledTimes(1)
      const html = String((send.mock.calls[0][0] as { html?: unknown }).html)
      return /\/reset\/([0-9a-f]+)/.exec(html)![1]
    } finally {
      send.mockRestore()
    }
  }

  it('answers the same for a known and an unknown email, and emails only the known one', async () => {
    const user = await createUser(payload, ['editor'])
    const send = vi.spyOn(payload.email, 'sendEmail')
    try {
      const known = await api('POST', '/api/users/forgot-password', { json: { email: user.email } })
      const unknown = await api('POST', '/api/users/forgot-password', {
        json: { email: 'nobody-here@example.test' },
      })
      expect(known.status).toBe(200)
      expect(unknown.status).toBe(200)
      expect(unknown.body).toEqual(known.body)
      expect(send.mock.calls.map(([mail]) => (mail as { to: string }).to)).toEqual([user.email])
    } finally {
      send.mockRestore()
    }
  })

  it('accepts a reset token once (it also lifts a lockout); the second use answers 403', async () => {
    const user = await createUser(payload, ['editor'])
    await lock(user)
    const token = await resetTokenFor(user.email)
    expect(token).toBe((await stored(user.id)).resetPasswordToken)

    const first = await api('POST', '/api/users/reset-password', {
      json: { token, password: 'after-reset-1' },
    })
    expect(first.status).toBe(200)
    expect((await tryLogin(user.email, 'after-reset-1')).status).toBe(200)

    const again = await api('POST', '/api/users/reset-password', {
      json: { token, password: 'second-reset-1' },
    })
    expect(again.status).toBe(403)
    expect(message(again)).toBe('Token is either invalid or has expired.')
    expect((await tryLogin(user.email, 'second-reset-1')).status).toBe(401)
  })

  it('refuses an expired reset token (the link lasts one hour)', async () => {
    const user = await createUser(payload, ['editor'])
    const token = await resetTokenFor(user.email)
    const expiresIn = Date.parse((await stored(user.id)).resetPasswordExpiration!) - Date.now()
    expect(expiresIn).toBeGreaterThan(59 * 60_000)
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000)

    await payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { resetPasswordExpiration: new Date(Date.now() - 1000).toISOString() },
    })
    const res = await api('POST', '/api/users/reset-password', {
      json: { token, password: 'after-reset-1' },
    })
    expect(res.status).toBe(403)
    expect((await tryLogin(user.email, PASSWORD)).status).toBe(200)
  })
})

describe('cookies, CORS and CSRF', () => {
  const cookieOf = (res: Res) =>
    /payload-token=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')![1]

  it('sets the login cookie HttpOnly and SameSite=Lax, and Secure in production', async () => {
    const res = await tryLogin(editor.email, PASSWORD)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=[^;]+;/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).not.toMatch(/; Secure/) // this server runs in test mode, over plain http

    vi.stubEnv('NODE_ENV', 'production')
    vi.resetModules()
    try {
      const { Users } = await import('../../src/collections/Users')
      expect(Users.auth).toMatchObject({ cookies: { sameSite: 'Lax', secure: true } })
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('answers CORS only for SERVER_URL and CORS_ORIGINS: a foreign origin gets no Access-Control-Allow-Origin', async () => {
    const evil = await api('GET', '/api/articles', { headers: { Origin: EVIL_ORIGIN } })
    expect(evil.status).toBe(200)
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await api('OPTIONS', '/api/users/login', {
      headers: { Origin: EVIL_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    const graphqlPreflight = await api('OPTIONS', '/api/graphql', {
      headers: { Origin: EVIL_ORIGIN },
    })
    expect(graphqlPreflight.headers.get('access-control-allow-origin')).toBeNull()

    for (const origin of [SITE_ORIGIN, SERVER_ORIGIN]) {
      const allowed = await api('GET', '/api/articles', { headers: { Origin: origin } })
      expect(allowed.headers.get('access-control-allow-origin')).toBe(origin)
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    }
  })

  it('treats a signed-in cookie sent from a foreign origin as anonymous (CSRF); the allowed origins are signed in', async () => {
    const user = await createUser(payload, ['editor'])
    const cookie = `payload-token=${cookieOf(await tryLogin(user.email, PASSWORD))}`

    const me = (headers: Record<string, string>) =>
      api('GET', '/api/users/me', { headers: { Cookie: cookie, ...headers } })
    expect((await me({ Origin: EVIL_ORIGIN })).body.user).toBeNull()
    expect((await me({ 'Sec-Fetch-Site': 'cross-site' })).body.user).toBeNull()
    expect((await me({ Origin: SERVER_ORIGIN })).body.user?.id).toBe(user.id)
    expect((await me({ Origin: SITE_ORIGIN })).body.user?.id).toBe(user.id)
    expect((await me({ 'Sec-Fetch-Site': 'same-origin' })).body.user?.id).toBe(user.id)

    // A forged write from another site is an anonymous write: refused, nothing changed.
    const forged = await api('PATCH', `/api/users/${user.id}`, {
      headers: { Cookie: cookie, Origin: EVIL_ORIGIN },
      json: { name: 'Pwned' },
    })
    expect(forged.status).toBe(403)
    expect((await stored(user.id)).name).toBe(user.name)
  })
})
