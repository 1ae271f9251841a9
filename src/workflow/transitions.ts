import type { Action, ReviewState } from './states'

type Role = 'admin' | 'publisher' | 'editor' | 'contributor'

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

const STAFF: readonly Role[] = ['editor', 'publisher', 'admin']
const PUBLISHERS: readonly Role[] = ['publisher', 'admin']

/** The review workflow: what each action does, from where, and who may take it. */
export const TRANSITIONS: Record<Action, Transition> = {
  submit: { from: ['draft', 'changes_requested', 'unpublished'], to: 'in_review', roles: STAFF, alsoAllowed: 'authors' },
  withdraw: { from: ['in_review'], to: 'draft', roles: STAFF, alsoAllowed: 'submitter' },
  request_changes: { from: ['in_review', 'approved'], to: 'changes_requested', roles: STAFF, needs: 'note' },
  approve: { from: ['in_review'], to: 'approved', roles: PUBLISHERS, fourEyes: true },
  publish: { from: ['approved'], to: 'published', roles: PUBLISHERS },
  schedule: { from: ['approved'], to: 'scheduled', roles: PUBLISHERS, needs: 'publishAt' },
  unschedule: { from: ['scheduled'], to: 'approved', roles: PUBLISHERS },
  unpublish: { from: ['published'], to: 'unpublished', roles: PUBLISHERS },
}
