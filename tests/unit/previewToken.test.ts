import { createHmac } from 'node:crypto'

import { afterEach, describe, expect, it } from 'vitest'

import { ConfigError, previewTtlSeconds } from '../../src/env'
import {
  previewKey,
  signPreviewToken,
  verifyPreviewToken,
  type PreviewClaims,
} from '../../src/services/preview/token'

const key = previewKey('secret-one')
const now = new Date('2026-03-01T12:00:00Z')
const inAnHour = now.getTime() / 1000 + 3600
const claims: PreviewClaims = { a: 42, n: 'nonce-1', exp: inAnHour }

/** The token with one character of the given part replaced by another base64url character. */
function alter(token: string, part: 0 | 1, at: number): string {
  const parts = token.split('.')
  const text = parts[part]!
  const index = at < 0 ? text.length + at : at
  parts[part] = text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1)
  return parts.join('.')
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('preview tokens', () => {
  it('verifies a token it signed and returns its claims', () => {
    expect(verifyPreviewToken(signPreviewToken(claims, key), key, now)).toEqual({
      ok: true,
      claims,
    })
  })

  it('keeps string ids (MongoDB) as strings', () => {
    const mongo = { ...claims, a: '65f0c0ffee0000000000abcd' }
    expect(verifyPreviewToken(signPreviewToken(mongo, key), key, now)).toEqual({
      ok: true,
      claims: mongo,
    })
  })

  it('refuses a token whose claims were changed to another article, even when the rest is kept', () => {
    const token = signPreviewToken(claims, key)
    const [, signature] = token.split('.')
    const forged = `${encode({ ...claims, a: 43 })}.${signature}`
    expect(verifyPreviewToken(forged, key, now)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses a token with an extended expiry under the old signature', () => {
    const [, signature] = signPreviewToken(claims, key).split('.')
    const forged = `${encode({ ...claims, exp: inAnHour + 86_400 })}.${signature}`
    expect(verifyPreviewToken(forged, key, now)).toEqual({ ok: false, reason: 'invalid' })
  })

  it.each([0, 5, -1])('refuses a token with character %i of the claims altered', (at) => {
    expect(verifyPreviewToken(alter(signPreviewToken(claims, key), 0, at), key, now)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it.each([0, 20, -1])('refuses a token with character %i of the signature altered', (at) => {
    expect(verifyPreviewToken(alter(signPreviewToken(claims, key), 1, at), key, now)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('refuses a token signed with another key', () => {
    const token = signPreviewToken(claims, previewKey('secret-two'))
    expect(verifyPreviewToken(token, key, now)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('derives a key that is not the secret itself', () => {
    const token = signPreviewToken(claims, Buffer.from('secret-one'))
    expect(verifyPreviewToken(token, key, now)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('reports an expired token as expired, with its claims, from the second of its expiry on', () => {
    const token = signPreviewToken({ ...claims, exp: now.getTime() / 1000 }, key)
    expect(verifyPreviewToken(token, key, now)).toEqual({
      ok: false,
      reason: 'expired',
      claims: { ...claims, exp: now.getTime() / 1000 },
    })
    expect(verifyPreviewToken(token, key, new Date(now.getTime() - 1000)).ok).toBe(true)
  })

  it('does not call an altered expired token expired: the signature is checked first', () => {
    const token = signPreviewToken({ ...claims, exp: now.getTime() / 1000 - 60 }, key)
    expect(verifyPreviewToken(alter(token, 1, 3), key, now)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it.each([
    ['empty', ''],
    ['no signature', encode(claims)],
    ['three parts', `${encode(claims)}.abc.def`],
    ['not base64url', `${encode(claims)}.!!!`],
    ['a JWT-looking string', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'],
  ])('refuses a malformed token (%s) as invalid', (_name, token) => {
    expect(verifyPreviewToken(token, key, now)).toEqual({ ok: false, reason: 'invalid' })
  })

  it.each([
    ['not JSON', Buffer.from('not json').toString('base64url')],
    ['no nonce', encode({ a: 1, exp: inAnHour })],
    ['no article', encode({ n: 'x', exp: inAnHour })],
    ['a non-numeric expiry', encode({ a: 1, n: 'x', exp: 'tomorrow' })],
    ['an object id', encode({ a: { $ne: null }, n: 'x', exp: inAnHour })],
  ])('refuses correctly signed claims that are malformed (%s) as invalid', (_name, encoded) => {
    expect(verifyPreviewToken(signedAsIs(encoded), key, now)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })
})

/** Encoded claims with a valid signature (HMAC-SHA256 of the encoded text), so only their shape is wrong. */
const signedAsIs = (encoded: string) =>
  `${encoded}.${createHmac('sha256', key).update(encoded).digest('base64url')}`

describe('PREVIEW_TTL', () => {
  const saved = process.env.PREVIEW_TTL
  afterEach(() => {
    if (saved === undefined) delete process.env.PREVIEW_TTL
    else process.env.PREVIEW_TTL = saved
  })

  it('defaults to one hour', () => {
    delete process.env.PREVIEW_TTL
    expect(previewTtlSeconds()).toBe(3600)
  })

  it('reads a positive number of seconds', () => {
    process.env.PREVIEW_TTL = '900'
    expect(previewTtlSeconds()).toBe(900)
  })

  it.each(['0', '-5', '1.5', '10m', 'abc', '1e3'])(
    'refuses %s with one line naming the variable',
    (value) => {
      process.env.PREVIEW_TTL = value
      expect(() => previewTtlSeconds()).toThrow(ConfigError)
      expect(() => previewTtlSeconds()).toThrow(
        `PREVIEW_TTL must be a positive whole number of seconds, got "${value}".`,
      )
    },
  )
})
