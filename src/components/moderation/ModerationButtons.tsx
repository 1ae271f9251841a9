'use client'

import { Button, toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import {
  COMMENT_STATUS_LABELS,
  VERDICTS,
  type CommentStatus,
} from '../../services/comments/statuses'
import { moderate } from './moderate'

/**
 * One-click Approve / Spam / Reject for one comment (the desk, the comments list). The current
 * verdict's button is disabled; the page refreshes in place once the server has stored the new one.
 */
export const ModerationButtons: React.FC<{
  id: number | string
  status?: string | null
  who?: string
}> = ({ id, status, who }) => {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const give = async (verdict: CommentStatus) => {
    setBusy(true)
    const result = await moderate({ id }, verdict)
    setBusy(false)
    if (!result.ok) {
      toast.error(result.message)
      return
    }
    toast.success(
      `${who ? `${who}'s comment` : 'Comment'}: ${COMMENT_STATUS_LABELS[verdict].toLowerCase()}.`,
    )
    router.refresh()
  }
  return (
    <span className="moderation-buttons" data-moderate={id}>
      {VERDICTS.map(({ status: verdict, label }) => (
        <Button
          key={verdict}
          buttonStyle={verdict === 'approved' ? 'primary' : 'secondary'}
          size="xsmall"
          margin={false}
          disabled={busy || status === verdict}
          onClick={(event) => {
            // Inside a list row: the click moderates; it does not open the comment.
            event.stopPropagation()
            void give(verdict)
          }}
        >
          {label}
        </Button>
      ))}
    </span>
  )
}
