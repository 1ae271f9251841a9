import type { CollectionAfterOperationHook } from 'payload'

import type { Comment } from '../../payload-types'
import { submitterOf } from '../../services/comments/submission'

/** A reader whose comment was held as spam is told it awaits moderation, like any other: the verdict is for moderators. */
export const hideSpamVerdict: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (operation !== 'create' || submitterOf(req) !== 'reader') return result
  const comment = result as Comment
  return comment?.status === 'spam' ? ({ ...comment, status: 'pending' } as typeof result) : result
}
