import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

import { COMMENTS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import type { Comment } from '../../payload-types'
import { checkFields, MESSAGES } from './rules'
import { commentableArticle, isReplyTarget, submitterOf } from './submission'

/**
 * A new comment goes on a published article that accepts comments (404 / 403 otherwise); then
 * every field problem is reported at once (400): name, email, body (trimmed, within bounds) and a
 * parent that must be an approved comment on the same article.
 */
export const validateComment: CollectionBeforeValidateHook<Comment> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || !data) return data
  const submitter = submitterOf(req)
  const articleId = idOf(data.article)
  const article =
    articleId === undefined || articleId === ''
      ? undefined
      : await commentableArticle(req, articleId)

  const { values, errors } = checkFields(data, { emailRequired: submitter === 'reader' })
  if (!article) errors.unshift({ path: 'article', message: MESSAGES.article })
  const parentId = idOf(data.parent)
  if (article && parentId !== undefined && parentId !== '') {
    const ok = await isReplyTarget(req, parentId, article.id, {
      approvedOnly: submitter !== 'server',
    })
    if (!ok) errors.push({ path: 'parent', message: MESSAGES.parent })
  }
  if (errors.length) throw new ValidationError({ collection: COMMENTS, errors })
  return { ...data, ...values }
}
