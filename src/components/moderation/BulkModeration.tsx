'use client'

import { Button, useSelection } from '@payloadcms/ui'
import React from 'react'

import { VERDICTS, type CommentStatus } from '../../services/comments/statuses'
import { useVerdict } from './useVerdict'

/**
 * Above the comments list: once comments are selected, one click gives them all the same verdict
 * (with "select all" across pages, every comment the list's filter matches).
 */
export const BulkModeration: React.FC = () => {
  const { count, getQueryParams, toggleAll } = useSelection()
  const { busy, give } = useVerdict()
  if (count === 0) return null
  const giveAll = async (verdict: CommentStatus) => {
    const given = await give({ query: getQueryParams() }, verdict, (n) =>
      n === 1 ? '1 comment' : `${n} comments`,
    )
    if (given) toggleAll()
  }
  return (
    <div className="bulk-moderation" data-bulk-moderation>
      <span>{count} selected:</span>
      {VERDICTS.map(({ status, label }) => (
        <Button
          key={status}
          buttonStyle={status === 'approved' ? 'primary' : 'secondary'}
          size="small"
          margin={false}
          disabled={busy}
          onClick={() => void giveAll(status)}
        >
          {label} all
        </Button>
      ))}
    </div>
  )
}
