import type { CollectionAfterChangeHook } from 'payload'

import type { Comment } from '../../payload-types'
import { notifyCommentApproved } from '../../services/comments/notify'

/** When a moderator approves a comment, the article's authors hear of it (queued with the save). */
export const notifyAuthorsOfApproval: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (!req.user || doc.status !== 'approved' || previousDoc?.status === 'approved') return doc
  await notifyCommentApproved(req, doc, req.user)
  return doc
}
