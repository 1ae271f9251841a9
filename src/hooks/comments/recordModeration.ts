import type { CollectionBeforeChangeHook } from 'payload'

import { isStaff } from '../../access/roles'
import type { Comment } from '../../payload-types'

/**
 * Who moderated a comment, and when: set by the server whenever its status changes (or the desk
 * creates it with a status other than pending), never by a client.
 */
export const recordModeration: CollectionBeforeChangeHook<Comment> = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const moderated =
    operation === 'update'
      ? data.status !== undefined && data.status !== originalDoc?.status
      : isStaff(req.user) && data.status !== undefined && data.status !== 'pending'
  if (!moderated) return data
  return { ...data, moderatedBy: req.user?.id ?? null, moderatedAt: new Date().toISOString() }
}
