import type { PayloadRequest } from 'payload'

import { ARTICLES, AUTHORS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import type { Comment, User } from '../../payload-types'
import { queueEmail } from '../outbox/email'

/**
 * Queues the email that tells the article's authors (their linked accounts) that a reader's
 * comment on it is now public, in the transaction of the moderation: sent once it commits, never
 * when it rolls back. The moderator is not told about their own action.
 */
export async function notifyCommentApproved(
  req: PayloadRequest,
  comment: Comment,
  moderator: Pick<User, 'email' | 'name'>,
): Promise<void> {
  const articleId = idOf(comment.article)
  if (articleId === undefined) return
  const article = await req.payload.findByID({
    collection: ARTICLES,
    id: articleId,
    depth: 0,
    disableErrors: true,
    req,
  })
  if (!article) return
  const { docs } = await req.payload.find({
    collection: AUTHORS,
    where: { id: { in: (article.authors ?? []).map(idOf) } },
    depth: 1,
    pagination: false,
    req,
  })
  const to = docs
    .map((author) => (typeof author.user === 'object' ? author.user?.email : undefined))
    .filter((email): email is string => Boolean(email) && email !== moderator.email)
  const text = [
    `A reader's comment on "${article.title}" was approved${moderator.name ? ` by ${moderator.name}` : ''} and is now public.`,
    '',
    `${comment.authorName} wrote:`,
    comment.body,
    '',
    `${req.payload.config.serverURL}/admin/collections/comments/${comment.id}`,
  ].join('\n')
  await queueEmail(req, { to, subject: `[Newsroom] New comment on: ${article.title}`, text })
}
