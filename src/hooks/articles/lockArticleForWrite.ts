import type { CollectionBeforeOperationHook } from 'payload'

import { ARTICLES } from '../../collections/slugs'
import { lockForWrite } from '../../db/rowLock'

/**
 * Saves of one article take turns, whichever instance receives them: each waits for the one
 * before it to commit and then builds on what it left, so two editors' saves of different fields
 * both survive and an edit and a workflow action never interleave.
 */
export const lockArticleForWrite: CollectionBeforeOperationHook<typeof ARTICLES> = async ({
  args,
  operation,
  req,
}) => {
  if ((operation === 'update' || operation === 'delete') && 'id' in args && args.id !== undefined)
    await lockForWrite(req, ARTICLES, args.id as number | string)
  return args
}
