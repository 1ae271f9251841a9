import type { CollectionBeforeOperationHook } from 'payload'

import { ARTICLES } from '../../collections/slugs'
import { refuse } from '../../lib/refuse'
import { DUPLICATING, isTransition, RESTORING } from '../../services/workflow/context'

export const PUBLISH_THROUGH_WORKFLOW =
  'Articles go live only through the review workflow: once approved, a publisher publishes with POST /api/articles/:id/workflow {"action":"publish"}.'

export const RESTORE_AS_DRAFT =
  'Restore a version as a draft (GraphQL: draft: true; REST always does): the restored content is an edit that goes through review like any other.'

/**
 * Every save outside the workflow is a draft: an edit of a live article becomes a new draft
 * version and the public keeps seeing the published one. Asking to publish by saving
 * (`_status: "published"`, the admin's Publish button, a bulk update) is refused; restoring a
 * version yields a draft as well.
 */
export const saveEditsAsDrafts: CollectionBeforeOperationHook<typeof ARTICLES> = ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion')
    return args
  if (isTransition(req.context)) return args
  if (operation === 'restoreVersion') {
    // Payload reads the draft flag of a restore before this hook runs, so it cannot be forced here;
    // the REST route forces it (restoreArticleVersion), GraphQL and the Local API must ask.
    if (!args.draft) throw refuse(403, RESTORE_AS_DRAFT)
    req.context[RESTORING] = true
    return { ...args, draft: true }
  }
  if (args.data?._status === 'published') throw refuse(403, PUBLISH_THROUGH_WORKFLOW)
  // A duplicate starts its own review: none of the original's workflow state comes along.
  if (operation === 'create' && args.duplicateFromID) req.context[DUPLICATING] = true
  return { ...args, draft: true }
}
