import { PUBLISHER_ROLES, type Role, STAFF_ROLES } from '../access/roles'
import type { Action, ReviewState } from './states'

export type Transition = {
  from: readonly ReviewState[]
  to: ReviewState
  /** Roles that may always take the action. */
  roles: readonly Role[]
  /** Who else may take it, whatever their role. */
  alsoAllowed?: 'authors' | 'submitter'
  /** Four-eyes: never an author, the submitter, or anyone who edited since the submission. */
  fourEyes?: boolean
  needs?: 'note' | 'publishAt'
}

/** The review workflow: what each action does, from where, and who may take it. */
export const TRANSITIONS: Record<Action, Transition> = {
  submit: {
    from: ['draft', 'changes_requested', 'unpublished'],
    to: 'in_review',
    roles: STAFF_ROLES,
    alsoAllowed: 'authors',
  },
  withdraw: { from: ['in_review'], to: 'draft', roles: STAFF_ROLES, alsoAllowed: 'submitter' },
  request_changes: {
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    roles: STAFF_ROLES,
    needs: 'note',
  },
  approve: { from: ['in_review'], to: 'approved', roles: PUBLISHER_ROLES, fourEyes: true },
  publish: { from: ['approved'], to: 'published', roles: PUBLISHER_ROLES },
  schedule: { from: ['approved'], to: 'scheduled', roles: PUBLISHER_ROLES, needs: 'publishAt' },
  unschedule: { from: ['scheduled'], to: 'approved', roles: PUBLISHER_ROLES },
  unpublish: { from: ['published'], to: 'unpublished', roles: PUBLISHER_ROLES },
}
