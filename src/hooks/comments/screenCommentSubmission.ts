import type { CollectionBeforeOperationHook } from 'payload'
import { ValidationError } from 'payload'

import { isStaff } from '../../access/roles'
import { COMMENTS } from '../../collections/slugs'
import { refuse } from '../../lib/refuse'
import {
  HONEYPOT,
  honeypotFilled,
  isPlainObject,
  MESSAGES,
  pickSubmission,
  submitterFor,
} from '../../services/comments/rules'
import { rememberSubmitter } from '../../services/comments/submission'

/**
 * Before a comment is created, while the raw input and overrideAccess are still known: a reader or
 * staff submission keeps only the fields it may set (a reader cannot set the status, an id,
 * createdAt or the moderation record); a filled-in honeypot is refused. Anonymous comments come in
 * through POST /api/comments only, which is rate-limited; GraphQL creation needs an account.
 */
export const screenCommentSubmission: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'create') return args
  const submitter = submitterFor(isStaff(req.user), overrideAccess)
  rememberSubmitter(req, submitter)
  if (submitter === 'server') return args

  const { data } = args as { data?: unknown }
  if (!isPlainObject(data)) throw refuse(400, MESSAGES.notAnObject)
  if (submitter === 'reader' && !req.user && req.payloadAPI === 'GraphQL') {
    throw refuse(
      403,
      'Anonymous comments are posted with POST /api/comments; createComment over GraphQL needs a signed-in account.',
    )
  }
  if (submitter === 'reader' && honeypotFilled(data)) {
    throw new ValidationError({
      collection: COMMENTS,
      errors: [{ path: HONEYPOT, message: MESSAGES.honeypot }],
    })
  }
  return { ...args, data: pickSubmission(data, submitter) }
}
