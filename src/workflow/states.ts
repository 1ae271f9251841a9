export const REVIEW_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const ACTIONS = [
  'submit',
  'withdraw',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unschedule',
  'unpublish',
] as const
export type Action = (typeof ACTIONS)[number]

/** Audit events that are not actions a user takes. */
export const SYSTEM_EVENTS = [
  'scheduled_publish',
  'schedule_failed',
  'stale_approval_reset',
  'four_eyes_refused',
  'edited_live',
] as const
export type SystemEvent = (typeof SYSTEM_EVENTS)[number]

export const isAction = (value: unknown): value is Action =>
  (ACTIONS as readonly unknown[]).includes(value)

/** States in which a contributor may still change an article's content. */
export const CONTRIBUTOR_EDITABLE: readonly ReviewState[] = ['draft', 'changes_requested']
