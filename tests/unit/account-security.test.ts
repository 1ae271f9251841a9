import { afterEach, describe, expect, it, vi } from 'vitest'

import { authRateLimit, ConfigError, corsOrigins, trustedOrigins } from '../../src/env'
import { countAuthMutations } from '../../src/server/authRateLimit'

afterEach(() => vi.unstubAllEnvs())

describe('countAuthMutations', () => {
  it.each([
    ['{ Articles { totalDocs } }', 0],
    ['mutation { loginUser(email: "a", password: "b") { token } }', 1],
    [
      'mutation { a: loginUser(email: "a", password: "b") { token } b: loginUser(email: "a", password: "c") { token } }',
      2,
    ],
    [
      'mutation { forgotPasswordUser(email: "a") resetPasswordUser(token: "t", password: "p") { token } }',
      2,
    ],
    [
      'mutation M { ...F } fragment F on Mutation { x: loginUser(email: "a", password: "b") { token } }',
      1,
    ],
    [
      'mutation A { loginUser(email: "a", password: "b") { token } } mutation B { loginUser(email: "a", password: "c") { token } }',
      2,
    ],
    ['mutation { updateUser(id: 1, data: { name: "x" }) { id } }', 0],
    ['mutation { loginUser(', 0], // does not parse, so GraphQL runs nothing
    [undefined, 0],
    [42, 0],
  ])('counts %j as %i', (query, count) => {
    expect(countAuthMutations(query)).toBe(count)
  })
})

describe('AUTH_RATE_LIMIT', () => {
  it('defaults to 10 every 15 minutes and reads "<count>/<seconds>"', () => {
    vi.stubEnv('AUTH_RATE_LIMIT', '')
    expect(authRateLimit()).toEqual({ limit: 10, windowSeconds: 900 })
    vi.stubEnv('AUTH_RATE_LIMIT', '20/60')
    expect(authRateLimit()).toEqual({ limit: 20, windowSeconds: 60 })
  })

  it.each(['10', '0/900', '10/0', 'ten/900', '10/15m'])(
    'refuses %s naming the variable',
    (value) => {
      vi.stubEnv('AUTH_RATE_LIMIT', value)
      expect(authRateLimit).toThrow(ConfigError)
      expect(authRateLimit).toThrow(/AUTH_RATE_LIMIT must be "<count>\/<seconds>"/)
    },
  )
})

describe('CORS_ORIGINS and the trusted origins', () => {
  it('trusts SERVER_URL’s origin and each CORS_ORIGINS origin', () => {
    vi.stubEnv('SERVER_URL', 'https://cms.example.com/')
    vi.stubEnv('CORS_ORIGINS', ' https://WWW.example.com, http://localhost:5173/ ')
    expect(corsOrigins()).toEqual(['https://www.example.com', 'http://localhost:5173'])
    expect(trustedOrigins()).toEqual([
      'https://cms.example.com',
      'https://www.example.com',
      'http://localhost:5173',
    ])
  })

  it.each([
    'www.example.com',
    'https://www.example.com/app',
    'https://www.example.com?x=1',
    'ftp://files.example.com',
    '*',
  ])('refuses %s: not an http(s) origin', (value) => {
    vi.stubEnv('CORS_ORIGINS', value)
    expect(corsOrigins).toThrow(ConfigError)
    expect(corsOrigins).toThrow(/CORS_ORIGINS has ".*", which is not an origin/)
  })

  it('refuses a SERVER_URL that is not an http(s) URL', () => {
    vi.stubEnv('SERVER_URL', 'cms.example.com')
    expect(trustedOrigins).toThrow(/SERVER_URL must be an http\(s\) URL/)
  })
})
