import type { CollectionBeforeChangeHook } from 'payload'

import { refuse } from '../../lib/refuse'
import type { Comment } from '../../payload-types'
import { clientIpOf } from '../../server/clientIp'
import { readerStatus, senderHash } from '../../services/comments/rules'
import { postedRecently, submitterOf } from '../../services/comments/submission'

/**
 * A reader's comment is stored `pending`, or `spam` when it is mostly links, with the sender's
 * keyed hash; the same text from the same sender within 24 hours is refused (409).
 */
export const screenReaderComment: CollectionBeforeChangeHook<Comment> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || submitterOf(req) !== 'reader') return data
  const body = String(data.body ?? '')
  const hash = senderHash(req.payload.secret, clientIpOf(req), String(data.authorEmail ?? ''))
  if (await postedRecently(req, hash, body)) {
    throw refuse(409, 'You already posted this comment in the last 24 hours.')
  }
  return { ...data, senderHash: hash, status: readerStatus(body) }
}
