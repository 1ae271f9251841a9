import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The account created on the admin's "create first user" screen (POST /api/users/first-register,
 * which Payload allows only while there are no users) must be able to administer. Accounts
 * created any other way get the roles they are given.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const firstRegister = req.pathname?.endsWith('/first-register') ?? false
  return operation === 'create' && firstRegister ? { ...data, roles: ['admin'] } : data
}
