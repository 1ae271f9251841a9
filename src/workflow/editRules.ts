import { isStaff } from '../access/roles'
import type { Actor, Id } from './decide'
import { CONTRIBUTOR_EDITABLE, type ReviewState, type SystemEvent } from './states'

/** An article as a content edit (a save outside the workflow) finds it. */
export type EditFacts = {
  state: ReviewState
  /** The reviewed fields the edit changes (see changedFields). */
  changed: readonly string[]
  /** Ids of whoever changed the content since the submission. */
  editedSinceSubmit: readonly Id[]
}

/** The workflow fields an edit writes along with the content. */
export type EditChanges = {
  reviewState?: ReviewState
  submittedBy?: null
  submittedAt?: null
  editedSinceSubmit?: Id[]
  approvedBy?: null
  approvedAt?: null
  approvedHash?: null
  publishAt?: null
  scheduleError?: null
}

/** What an edit did to the workflow, for the audit trail. */
export type EditEffect = { from: ReviewState; to: ReviewState; fields: string[] }

export type EditDecision =
  { ok: true; set: EditChanges; effect?: EditEffect } | { ok: false; status: 403; message: string }

const NO_APPROVAL = {
  approvedBy: null,
  approvedAt: null,
  approvedHash: null,
  publishAt: null,
  scheduleError: null,
} as const

/** Whether a contributor may change an article's content in this state. */
export const contributorMayEdit = (state: string): boolean =>
  (CONTRIBUTOR_EDITABLE as readonly string[]).includes(state)

/** Why a contributor's edit is refused in this state, and what they may do instead. */
export const lockedEditMessage = (state: string): string =>
  `Cannot edit: article is "${state}"; contributors change an article only while it is "draft" or "changes_requested" (withdraw it, or ask an editor).`

/**
 * A content edit by `editor` (undefined: the server itself). A contributor may make it only in
 * draft or changes_requested; on a live article it starts a new draft revision; after approval
 * (or while scheduled) it makes the approval stale and sends the article back to review; during
 * review it bars the editor from approving (four-eyes). An edit that changes no reviewed field
 * changes nothing.
 */
export function decideEdit(facts: EditFacts, editor: Actor | undefined): EditDecision {
  const { state, changed } = facts
  if (!changed.length) return { ok: true, set: {} }

  if (editor && !isStaff(editor) && !contributorMayEdit(state)) {
    return { ok: false, status: 403, message: lockedEditMessage(state) }
  }

  const editors = [...new Set([...facts.editedSinceSubmit, ...(editor ? [editor.id] : [])])]
  let set: EditChanges = {}
  if (state === 'published')
    set = {
      reviewState: 'draft',
      submittedBy: null,
      submittedAt: null,
      editedSinceSubmit: [],
      ...NO_APPROVAL,
    }
  else if (state === 'approved' || state === 'scheduled')
    set = { reviewState: 'in_review', editedSinceSubmit: editors, ...NO_APPROVAL }
  else if (state === 'in_review') set = { editedSinceSubmit: editors }

  const to = set.reviewState ?? state
  return to === state
    ? { ok: true, set }
    : { ok: true, set, effect: { from: state, to, fields: [...changed] } }
}

/** The audit event that explains an edit's effect: a stale approval, or a new revision of a live article. */
export function editEvent(effect: EditEffect): {
  action: Extract<SystemEvent, 'stale_approval_reset' | 'edited_live'>
  note: string
} {
  const fields = effect.fields.join(', ')
  if (effect.from === 'approved' || effect.from === 'scheduled') {
    const cancelled = effect.from === 'scheduled' ? '; the schedule is cancelled' : ''
    return {
      action: 'stale_approval_reset',
      note: `Approval no longer applies: ${fields} changed after approval${cancelled}.`,
    }
  }
  return {
    action: 'edited_live',
    note: `New revision of the live article (${fields} changed); the published version stays live until this one is published.`,
  }
}
