import type { CollectionBeforeOperationHook } from 'payload'

import { isStaff } from '../../access/roles'
import { ARTICLES } from '../../collections/slugs'

/**
 * Readers' lists default to newest published first; the desk's (the admin list included) default to
 * most recently updated, the collection's defaultSort. An explicit `sort` always wins.
 */
export const sortPublicListsByPublication: CollectionBeforeOperationHook<typeof ARTICLES> = ({
  args,
  operation,
  req,
}) => {
  if (
    operation !== 'read' ||
    ('sort' in args && args.sort) ||
    args.overrideAccess ||
    isStaff(req.user)
  )
    return args
  return { ...args, sort: '-publishedAt' }
}
