import crypto from 'node:crypto'

/**
 * Checks a password against a stored Payload hash the way Payload's own login does
 * (`authenticateLocalStrategy`, which the package does not export): PBKDF2-SHA256 over the stored
 * salt, 600,000 iterations and 32 bytes for `pbkdf2-sha256-v1:` hashes, 25,000 and 512 bytes for
 * older ones, compared in constant time. tests/http/security-accounts.test.ts fails if the format
 * changes under a Payload upgrade.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'

export type StoredPassword = { hash?: unknown; salt?: unknown }

export async function verifyPassword(
  { hash, salt }: StoredPassword,
  password: string,
): Promise<boolean> {
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const current = hash.startsWith(CURRENT_PREFIX)
  const expected = Buffer.from(current ? hash.slice(CURRENT_PREFIX.length) : hash, 'hex')
  const actual = await new Promise<Buffer>((resolve, reject) =>
    crypto.pbkdf2(
      password,
      salt,
      current ? 600_000 : 25_000,
      current ? 32 : 512,
      'sha256',
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** A hash no password matches, at the current cost: checked for unknown emails so they take as long as known ones. */
export const UNMATCHABLE: StoredPassword = {
  hash: `${CURRENT_PREFIX}${'0'.repeat(64)}`,
  salt: '0'.repeat(64),
}
