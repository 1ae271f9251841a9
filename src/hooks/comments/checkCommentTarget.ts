import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

import { ARTICLES, COMMENTS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'

/**
 * A new comment must point at an article the commenter can see that accepts comments, and a reply
 * at a comment on that same article. Checked with the commenter's own access, so a hidden article
 * is indistinguishable from a missing one.
 */
export const checkCommentTarget: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const articleId = idOf(data.article)
  const parentId = idOf(data.parent)
  if (articleId === undefined || articleId === '') return data

  const article = await req.payload
    .findByID({ collection: ARTICLES, id: articleId, req, overrideAccess: false, depth: 0, disableErrors: true })
    .catch(() => null)
  if (!article) {
    throw new ValidationError({ collection: COMMENTS, errors: [{ path: 'article', message: 'No such article.' }] })
  }
  if (article.commentsEnabled === false) {
    throw new ValidationError({
      collection: COMMENTS,
      errors: [{ path: 'article', message: 'Comments are closed on this article.' }],
    })
  }
  if (parentId !== undefined && parentId !== '') {
    const parent = await req.payload
      .findByID({ collection: COMMENTS, id: parentId, req, overrideAccess: false, depth: 0, disableErrors: true })
      .catch(() => null)
    if (!parent || idOf(parent.article) !== article.id) {
      throw new ValidationError({
        collection: COMMENTS,
        errors: [{ path: 'parent', message: 'A reply must answer a visible comment on the same article.' }],
      })
    }
  }
  return data
}
