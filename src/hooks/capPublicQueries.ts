import type { CollectionBeforeOperationHook, Where } from 'payload'

import { isStaff } from '../access/roles'
import { refuse } from '../lib/refuse'
import { assertRelationHops } from '../lib/relationHops'
import { assertWhereShape } from '../lib/whereShape'

export const PUBLIC_LIMIT = 100
export const STAFF_LIMIT = 500
export const MAX_DEPTH = 3

/** Operations that answer a page of documents. */
const LISTS = new Set(['read', 'findVersions'])

/** Fields whose order would tell an outsider what they cannot read. */
const PRIVATE_SORT =
  /^-?(reviewState|submitted\w*|editedSinceSubmit|approved\w*|publishAt|schedule\w*|previewNonce|authorEmail|senderHash|moderated\w*|user)$/

/**
 * Every API query is bounded, staff's included: a page holds at most 100 documents for the public
 * and contributors, 500 for staff (larger limits are clamped; `limit=0`, a negative limit and
 * `pagination=false` get a full page, never the whole table — the admin UI asks for `limit=0`);
 * population goes at most 3 levels deep; a filter has a bounded shape (src/lib/whereShape.ts) and
 * follows at most one relationship. Outsiders cannot sort by fields they may not read. Trusted
 * server code (overrideAccess) is not limited here.
 */
export const capPublicQueries: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  const query = args as {
    overrideAccess?: boolean
    disableErrors?: boolean
    limit?: number
    pagination?: boolean
    depth?: number
    sort?: string | string[]
    where?: Where
  }
  if (query.overrideAccess) return args
  assertWhereShape(query.where)
  if (operation === 'read' || operation === 'count')
    assertRelationHops(req.payload, collection.slug, query.where)

  const staff = isStaff(req.user)
  if (operation === 'read' && !staff) {
    const sorts = (
      Array.isArray(query.sort) ? query.sort : String(query.sort ?? '').split(',')
    ).filter(Boolean)
    const hidden = sorts.find((field) => PRIVATE_SORT.test(field.trim()))
    if (hidden)
      throw refuse(400, `Cannot sort by "${hidden.replace(/^-/, '')}": it is not a public field.`)
  }

  const depth =
    query.depth === undefined
      ? undefined
      : Math.min(Math.max(Number(query.depth) || 0, 0), MAX_DEPTH)
  // Payload populates relationships with one unpaginated, error-free find per related collection
  // (its dataloader); that batch is bounded by the page it populates and must not lose documents.
  const population = query.disableErrors === true && query.pagination === false
  if (!LISTS.has(operation) || population) return depth === undefined ? args : { ...args, depth }

  const cap = staff ? STAFF_LIMIT : PUBLIC_LIMIT
  const requested = query.limit === undefined ? undefined : Number(query.limit)
  // 0 and negative limits mean "no limit" to Payload and SQLite.
  const limit =
    requested === undefined
      ? query.pagination === false
        ? cap
        : undefined
      : requested > 0
        ? Math.min(requested, cap)
        : cap
  return { ...args, pagination: true, limit, depth }
}
