'use client'

import { Button } from '@payloadcms/ui'
import React from 'react'

import { VERDICTS } from '../../services/comments/statuses'
import { useVerdict } from './useVerdict'

/**
 * One-click Approve / Spam / Reject for one comment (the desk, the comments list). The current
 * verdict's button is disabled; the page refreshes in place once the server has stored the new one.
 */
export const ModerationButtons: React.FC<{
  id: number | string
  status?: string | null
  who?: string
}> = ({ id, status, who }) => {
  const { busy, give } = useVerdict()
  const mine = who ? `${who}'s comment` : 'Comment'
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
            void give({ id }, verdict, () => mine)
          }}
        >
          {label}
        </Button>
      ))}
    </span>
  )
}
