import type { CollectionBeforeOperationHook } from 'payload'

import { isStaff } from '../../access/roles'

/**
 * Readers' lists default to newest published first; the desk's (the admin list included) default to
 * most recently updated, the collection's defaultSort. An explicit `sort` always wins.
 */
export const sortPublicListsByPublication: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const query = args as { sort?: unknown; overrideAccess?: boolean }
  if (operation !== 'read' || query.sort || query.overrideAccess || isStaff(req.user)) return args
  return { ...args, sort: '-publishedAt' }
}
