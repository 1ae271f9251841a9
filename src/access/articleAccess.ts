import type { Access, Where } from 'payload'

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
 * Contributors change only their own articles (and only in some states: see applyEditRules).
 * Nobody publishes by saving: the admin UI asks with `_status: 'published'` to decide whether to
 * show its Publish button, and going live is the workflow's `publish` action.
 */
export const updateArticles: Access = ({ req, data }) => {
  if (!req.user) return false
  if (data?._status === 'published') return false
  if (isStaff(req.user)) return true
  return { 'authors.user': { equals: req.user.id } }
}
