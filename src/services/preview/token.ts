import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Draft preview tokens: `<base64url JSON claims>.<base64url HMAC-SHA256>`. A token names one
 * article, carries the article's preview nonce (so rotating the nonce revokes it) and an expiry.
 * Pure: no Payload import, the caller supplies the key and the clock.
 */

export type PreviewClaims = {
  /** The article's id. */
  a: string | number
  /** The article's `previewNonce` when the link was issued. */
  n: string
  /** Expiry, seconds since the epoch. */
  exp: number
}

export type PreviewVerdict =
  | { ok: true; claims: PreviewClaims }
  | { ok: false; reason: 'expired'; claims: PreviewClaims }
  | { ok: false; reason: 'invalid' }

/** A key for preview links only, derived from the server secret (never the secret itself). */
export const previewKey = (secret: string): Buffer =>
  createHmac('sha256', secret).update('newsroom draft preview links v1').digest()

const signatureOf = (encodedClaims: string, key: Buffer) =>
  createHmac('sha256', key).update(encodedClaims).digest()

export function signPreviewToken(claims: PreviewClaims, key: Buffer): string {
  const encoded = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${encoded}.${signatureOf(encoded, key).toString('base64url')}`
}

const BASE64URL = /^[A-Za-z0-9_-]+$/

function parseClaims(encoded: string): PreviewClaims | undefined {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (!value || typeof value !== 'object') return undefined
  const { a, n, exp } = value as Record<string, unknown>
  const id =
    (typeof a === 'string' && a !== '') || (typeof a === 'number' && Number.isSafeInteger(a))
  if (!id || typeof n !== 'string' || !n || typeof exp !== 'number' || !Number.isFinite(exp))
    return undefined
  return { a: a as string | number, n, exp }
}

/** Checks the signature first (an altered token is invalid, whatever it claims), then the expiry. */
export function verifyPreviewToken(
  token: string,
  key: Buffer,
  now: Date = new Date(),
): PreviewVerdict {
  const parts = token.split('.')
  if (parts.length !== 2 || !BASE64URL.test(parts[0]!) || !BASE64URL.test(parts[1]!))
    return { ok: false, reason: 'invalid' }
  const [encoded, signature] = parts as [string, string]
  // Compared as text: base64url decoding ignores stray trailing bits, so bytes alone would accept variants.
  const given = Buffer.from(signature)
  const expected = Buffer.from(signatureOf(encoded, key).toString('base64url'))
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' }
  const claims = parseClaims(encoded)
  if (!claims) return { ok: false, reason: 'invalid' }
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired', claims }
  return { ok: true, claims }
}
