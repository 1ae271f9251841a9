import type { Access, Where } from 'payload'

import { isStaff } from './roles'

/**
 * Comments: the public reads the approved ones on published articles (unpublishing an article
 * hides its comments); a contributor also reads every comment on the articles they are an author
 * of; editors and up read all.
 */
export const staffArticleAuthorsOrPublic: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  const visible: Where = {
    and: [{ status: { equals: 'approved' } }, { 'article._status': { equals: 'published' } }],
  }
  if (!req.user) return visible
  return { or: [visible, { 'article.authors.user': { equals: req.user.id } }] }
}
