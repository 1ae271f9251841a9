import type { CollectionBeforeValidateHook } from 'payload'

import { isAdmin } from '../../access/roles'
import { refuse } from '../../lib/refuse'
import { type StoredPassword, verifyPassword } from '../../services/accounts/passwords'
import { counters } from '../../services/counters'

/**
 * Changing an account's email or password needs its current password, sent as `currentPassword`,
 * when the account is your own (or you are not an admin): a stolen token or an unattended browser
 * must not be enough to take an account over. Admins set other people's passwords without it; a
 * reset-password link proves the mailbox instead and does not pass through here with a document.
 * Wrong guesses are throttled per account like logins (maxLoginAttempts per lockTime).
 */
export const requireCurrentPassword: CollectionBeforeValidateHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!data) return data
  const { currentPassword, ...rest } = data as typeof data & { currentPassword?: unknown }
  if (operation !== 'update' || !originalDoc || !req.user) return rest
  const own =
    req.user.collection === collection.slug && String(req.user.id) === String(originalDoc.id)
  const changing = credentialsChanged(rest, originalDoc)
  if (!changing || (!own && isAdmin(req.user))) return rest

  if (typeof currentPassword !== 'string' || currentPassword === '') {
    throw refuse(
      400,
      `Changing your ${changing} needs your current password: send it as "currentPassword" with the change (REST PATCH /api/users/${originalDoc.id}).`,
    )
  }
  // Counted apart from the request's transaction: the refusal rolls that back, the count stays.
  const guesses = counters(req.payload)
  const account = `password:${originalDoc.id}`
  const lockTime = collection.auth.lockTime || 600_000
  const tried = await guesses.read(account)
  const wait =
    tried && tried.count >= (collection.auth.maxLoginAttempts || 5) && tried.resetAt
      ? tried.resetAt.getTime() - Date.now()
      : 0
  if (wait > 0)
    throw refuse(
      429,
      `Too many wrong current passwords for this account; try again in ${Math.ceil(wait / 60_000)} min.`,
    )

  const stored = await req.payload.db.findOne<StoredPassword & { id: number | string }>({
    collection: collection.slug,
    where: { id: { equals: originalDoc.id } },
    req,
  })
  if (!(await verifyPassword(stored ?? {}, currentPassword))) {
    await guesses.increment(account, lockTime)
    throw refuse(403, `The current password is wrong; your ${changing} was not changed.`)
  }
  await guesses.reset(account)
  return rest
}

/** "email", "password", "email and password", or '' when the save changes neither. */
function credentialsChanged(data: Record<string, unknown>, doc: Record<string, unknown>): string {
  const normal = (email: unknown) =>
    String(email ?? '')
      .trim()
      .toLowerCase()
  const email = typeof data.email === 'string' && normal(data.email) !== normal(doc.email)
  const password = typeof data.password === 'string' && data.password !== ''
  return [email && 'email', password && 'password'].filter(Boolean).join(' and ')
}
