import type { Payload } from 'payload'

import { ARTICLES, AUTHORS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import type { Comment, User } from '../../payload-types'

/**
 * Tells the article's authors (their linked accounts) that a reader's comment on it is now public.
 * Runs outside the request (no req, own reads); a failure is logged and never affects the
 * moderation. The moderator is not told about their own action.
 */
export async function notifyCommentApproved(payload: Payload, comment: Comment, moderator: Pick<User, 'email' | 'name'>): Promise<void> {
  const articleId = idOf(comment.article)
  try {
    if (articleId === undefined) return
    const article = await payload.findByID({ collection: ARTICLES, id: articleId, depth: 0, disableErrors: true })
    if (!article) return
    const { docs } = await payload.find({
      collection: AUTHORS,
      where: { id: { in: (article.authors ?? []).map(idOf) } },
      depth: 1,
      pagination: false,
    })
    const to = docs
      .map((author) => (typeof author.user === 'object' ? author.user?.email : undefined))
      .filter((email): email is string => Boolean(email) && email !== moderator.email)
    if (!to.length) return
    const text = [
      `A reader's comment on "${article.title}" was approved${moderator.name ? ` by ${moderator.name}` : ''} and is now public.`,
      '',
      `${comment.authorName} wrote:`,
      comment.body,
      '',
      `${payload.config.serverURL}/admin/collections/comments/${comment.id}`,
    ].join('\n')
    await payload.sendEmail({ to, subject: `[Newsroom] New comment on: ${article.title}`, text })
  } catch (error) {
    payload.logger.error({
      err: error,
      msg: `Email about approved comment ${comment.id} on article ${articleId} failed; the approval stands.`,
    })
  }
}
