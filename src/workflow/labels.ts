import type { Action, ReviewState, SystemEvent } from './states'

/** Review states as the UI words them, everywhere (panel, desk, lists, filters, audit trail). */
export const STATE_LABELS: Record<ReviewState, string> = {
  draft: 'draft',
  in_review: 'in review',
  changes_requested: 'changes requested',
  approved: 'approved',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
}

/** Actions (the panel's buttons) and the audit trail's events, as words. */
export const EVENT_LABELS: Record<Action | SystemEvent, string> = {
  submit: 'Submit for review',
  withdraw: 'Withdraw',
  request_changes: 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  schedule: 'Schedule',
  unschedule: 'Unschedule',
  unpublish: 'Unpublish',
  scheduled_publish: 'Published on schedule',
  schedule_failed: 'Scheduled publication failed',
  stale_approval_reset: 'Approval reset by an edit',
  four_eyes_refused: 'Approval refused (four-eyes)',
  edited_live: 'Live article edited',
}

export const stateLabel = (state: string | null | undefined): string =>
  state ? (STATE_LABELS[state as ReviewState] ?? state.replaceAll('_', ' ')) : ''

export const eventLabel = (event: string): string =>
  EVENT_LABELS[event as Action] ?? event.replaceAll('_', ' ')
