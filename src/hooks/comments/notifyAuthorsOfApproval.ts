import type { CollectionAfterChangeHook } from 'payload'

import type { Comment } from '../../payload-types'
import { notifyCommentApproved } from '../../services/comments/notify'

/**
 * When a moderator approves a comment, the article's authors hear of it. Not awaited and without
 * req: the email goes out on its own once the save is done, and never holds up or undoes it.
 */
export const notifyAuthorsOfApproval: CollectionAfterChangeHook<Comment> = ({ doc, previousDoc, req }) => {
  if (!req.user || doc.status !== 'approved' || previousDoc?.status === 'approved') return doc
  void notifyCommentApproved(req.payload, doc, req.user)
  return doc
}
