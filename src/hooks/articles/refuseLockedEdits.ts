import type { CollectionBeforeOperationHook } from 'payload'

import { isStaff } from '../../access/roles'
import { ARTICLES } from '../../collections/slugs'
import { refuse } from '../../lib/refuse'
import { isTransition } from '../../services/workflow/context'
import { contributorMayEdit, lockedEditMessage } from '../../workflow/editRules'
import { setByWorkflow } from './guardWorkflowFields'

/**
 * Says why before access says no. A contributor's save that sends the article's review state back
 * (as the admin form does) meets an access rule that refuses states contributors may not edit in,
 * with Payload's generic "not allowed"; this answers first with the edit rule's own words, or, when
 * the article is in fact editable, that the review state is not theirs to set.
 */
export const refuseLockedEdits: CollectionBeforeOperationHook<typeof ARTICLES> = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'update' || isTransition(req.context) || !req.user || isStaff(req.user))
    return args
  const claimed: unknown = args.data?.reviewState
  if (!('id' in args) || typeof claimed !== 'string' || contributorMayEdit(claimed)) return args
  const stored = await req.payload
    .findByID({
      collection: ARTICLES,
      id: args.id as number | string,
      draft: true,
      depth: 0,
      select: { reviewState: true },
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch(() => null)
  // An article they cannot see is for access to refuse, without saying what state it is in.
  if (!stored) return args
  const state = stored.reviewState ?? 'draft'
  throw refuse(
    403,
    contributorMayEdit(state) ? setByWorkflow('reviewState') : lockedEditMessage(state),
  )
}
