import type { CollectionBeforeOperationHook, CollectionConfig, Where } from 'payload'

import { isStaff } from '../access/roles'
import { refuse } from '../lib/refuse'
import { assertRelationHops } from './limitRelationHops'

export const PUBLIC_LIMIT = 100
export const MAX_DEPTH = 3

/** Fields whose order would tell an outsider what they cannot read. */
const PRIVATE_SORT =
  /^-?(reviewState|submitted\w*|editedSinceSubmit|approved\w*|publishAt|schedule\w*|previewNonce|authorEmail|senderHash|moderated\w*|user)$/

/**
 * Reads by the public and by contributors are bounded: at most 100 documents a page (larger limits
 * are clamped; `limit=0` and `pagination=false` get a normal page instead of the whole table) and
 * population at most 3 levels deep; they cannot sort by fields they may not read. Every API
 * query, staff's included, filters through at most one relationship. Trusted server code
 * (overrideAccess) is not limited here.
 */
export const capPublicQueries: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const query = args as {
    overrideAccess?: boolean
    limit?: number
    pagination?: boolean
    depth?: number
    sort?: string | string[]
    where?: Where
  }
  if (query.overrideAccess) return args
  assertRelationHops(req.payload, collection.slug, query.where)
  if (operation !== 'read' || isStaff(req.user)) return args

  const sorts = (Array.isArray(query.sort) ? query.sort : String(query.sort ?? '').split(',')).filter(Boolean)
  const hidden = sorts.find((field) => PRIVATE_SORT.test(field.trim()))
  if (hidden) throw refuse(400, `Cannot sort by "${hidden.replace(/^-/, '')}": it is not a public field.`)

  const requested = Number(query.limit)
  const limit =
    query.pagination === false || requested === 0 ? PUBLIC_LIMIT : requested > 0 ? Math.min(requested, PUBLIC_LIMIT) : query.limit
  const depth = query.depth === undefined ? undefined : Math.min(Math.max(Number(query.depth) || 0, 0), MAX_DEPTH)
  return { ...args, pagination: true, limit, depth }
}

/** Adds the caps to a collection's read operations. */
export const withQueryCaps = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeOperation: [capPublicQueries, ...(collection.hooks?.beforeOperation ?? [])] },
})
