import { Pill } from '@payloadcms/ui'
import React from 'react'

import { COMMENT_STATUS_LABELS, type CommentStatus } from '../../services/comments/statuses'

const STYLES: Record<CommentStatus, React.ComponentProps<typeof Pill>['pillStyle']> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'light-gray',
  spam: 'error',
}

/** A comment's status as Payload's pill, in the admin's light and dark themes. */
export const CommentStatusPill: React.FC<{ status?: string | null }> = ({ status }) => {
  if (!status || !(status in STYLES)) return null
  const known = status as CommentStatus
  return (
    <Pill pillStyle={STYLES[known]} size="small">
      <span data-comment-status={known}>{COMMENT_STATUS_LABELS[known]}</span>
    </Pill>
  )
}
