import type { Access } from 'payload'

import { isStaff } from './roles'

/** Editors and up read every workflow event; an author reads the events of their own articles. */
export const staffOrArticleAuthors: Access = ({ req }) => {
  if (!req.user) return false
  if (isStaff(req.user)) return true
  return { 'article.authors.user': { equals: req.user.id } }
}
