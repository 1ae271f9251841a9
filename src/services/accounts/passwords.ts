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

/**
 * Wrong current passwords per account (in memory, per process): after `max` within `windowMs` the
 * account's credential changes are refused until the window ends, so a stolen session cannot be
 * used to guess the password at full speed.
 */
export class GuessCounter {
  private readonly guesses = new Map<string, { count: number; resetAt: number }>()

  /** Milliseconds until this account may try again; 0 when it may now. */
  waitFor(account: string, now = Date.now()): number {
    const entry = this.guesses.get(account)
    if (!entry || entry.resetAt <= now) return 0
    return entry.count >= this.max ? entry.resetAt - now : 0
  }

  fail(account: string, now = Date.now()): void {
    const entry = this.guesses.get(account)
    if (!entry || entry.resetAt <= now)
      this.guesses.set(account, { count: 1, resetAt: now + this.windowMs })
    else entry.count++
  }

  clear(account: string): void {
    this.guesses.delete(account)
  }

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
}
