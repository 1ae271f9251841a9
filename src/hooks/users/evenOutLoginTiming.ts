import type { CollectionBeforeOperationHook } from 'payload'

import { UNMATCHABLE, verifyPassword } from '../../services/accounts/passwords'

/**
 * Payload answers an unknown email with the same message as a wrong password, but ~20 times
 * sooner: it hashes the password only for a known account. Hashing it here for unknown emails too
 * stops the response time from telling which emails have accounts.
 */
export const evenOutLoginTiming: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'login') return args
  const { email, password } = ((args as { data?: Record<string, unknown> }).data ?? {}) as Record<
    string,
    unknown
  >
  if (typeof email !== 'string' || typeof password !== 'string' || !password.trim()) return args
  const where = { email: { equals: email.toLowerCase().trim() } }
  if ((await req.payload.db.count({ collection: collection.slug, where, req })).totalDocs === 0) {
    await verifyPassword(UNMATCHABLE, password)
  }
  return args
}
