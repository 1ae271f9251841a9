import type { CollectionBeforeChangeHook } from 'payload'

import { isStaff } from '../../access/roles'
import { idOf } from '../../lib/ids'
import { refuse } from '../../lib/refuse'
import { isTransition } from '../../services/workflow/context'
import { changedFields, CONTRIBUTOR_EDITABLE, type ReviewState } from '../../workflow'

/** What an edit did to the workflow, for recordEditEvents to write down after the save. */
export const EDIT_EFFECT = 'workflowEditEffect'
export type EditEffect = { from: ReviewState; to: ReviewState; fields: string[] }

/**
 * A content edit outside the workflow: a contributor may make it only in draft or
 * changes_requested; on a live article it starts a new draft revision; after approval (or while
 * scheduled) it makes the approval stale and sends the article back to review; during review it
 * bars the editor from approving (four-eyes).
 */
export const applyEditRules: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (isTransition(req.context)) return data
  if (operation === 'create' || !originalDoc) return { ...data, reviewState: 'draft' }

  const state = (originalDoc.reviewState ?? 'draft') as ReviewState
  const fields = changedFields(originalDoc, { ...originalDoc, ...data })
  if (!fields.length) return data

  if (!isStaff(req.user) && req.user && !CONTRIBUTOR_EDITABLE.includes(state)) {
    throw refuse(
      403,
      `Cannot edit: article is "${state}"; contributors change an article only while it is "draft" or "changes_requested" (withdraw it, or ask an editor).`,
    )
  }

  const editors = [...new Set([...(originalDoc.editedSinceSubmit ?? []).map(idOf), ...(req.user ? [req.user.id] : [])])]
  const reset = { approvedBy: null, approvedAt: null, approvedHash: null, publishAt: null, scheduleError: null }
  let next: Record<string, unknown> = {}
  if (state === 'published') next = { reviewState: 'draft', submittedBy: null, submittedAt: null, editedSinceSubmit: [], ...reset }
  else if (state === 'approved' || state === 'scheduled') next = { reviewState: 'in_review', editedSinceSubmit: editors, ...reset }
  else if (state === 'in_review') next = { editedSinceSubmit: editors }

  const to = (next.reviewState ?? state) as ReviewState
  if (to !== state) req.context[EDIT_EFFECT] = { from: state, to, fields } satisfies EditEffect
  return { ...data, ...next }
}
