import type { CollectionBeforeChangeHook } from 'payload'

import { USERS } from '../../collections/slugs'

/** The account created on the empty "create first user" screen must be able to administer. */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: USERS, req })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}
