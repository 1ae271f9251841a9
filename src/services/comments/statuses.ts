/** A comment's moderation statuses and their words, shared by the collection and the admin (no Payload import). */
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const

export type CommentStatus = (typeof COMMENT_STATUSES)[number]

export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  spam: 'Spam',
}

/** The one-click verdicts a moderator gives a comment, as the desk and the list name them. */
export const VERDICTS = [
  { status: 'approved', label: 'Approve' },
  { status: 'spam', label: 'Spam' },
  { status: 'rejected', label: 'Reject' },
] as const satisfies readonly { status: CommentStatus; label: string }[]
