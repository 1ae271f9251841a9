import type { Access, Where } from 'payload'

import { contributorMayEdit } from '../workflow/editRules'
import { isStaff } from './roles'

/**
 * Readers see published articles; contributors see the articles they are an author of (in any
 * state); editors and up see everything.
 */
export const readArticles: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  const where: Where = req.user
    ? { 'authors.user': { equals: req.user.id } }
    : { _status: { equals: 'published' } }
  return where
}

/**
 * Contributors change only their own articles, and only while they are a draft or have changes
 * requested (see decideEdit). Nobody publishes by saving: the admin UI asks with
 * `_status: 'published'` to decide whether to show its Publish button, and going live is the
 * workflow's `publish` action.
 *
 * The admin asks with the article itself as `data`, so an article in review comes back read-only
 * for its contributor. A save carries only what it changes; refuseLockedEdits has already said
 * why a contributor may not change an article in review before this runs.
 */
export const updateArticles: Access = ({ req, data }) => {
  if (!req.user) return false
  if (data?._status === 'published') return false
  if (isStaff(req.user)) return true
  if (typeof data?.reviewState === 'string' && !contributorMayEdit(data.reviewState)) return false
  return { 'authors.user': { equals: req.user.id } }
}
