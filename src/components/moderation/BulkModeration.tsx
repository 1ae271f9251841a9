'use client'

import { Button, toast, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import {
  COMMENT_STATUS_LABELS,
  VERDICTS,
  type CommentStatus,
} from '../../services/comments/statuses'
import { moderate } from './moderate'

/**
 * Above the comments list: once comments are selected, one click gives them all the same verdict
 * (with "select all" across pages, every comment the list's filter matches).
 */
export const BulkModeration: React.FC = () => {
  const { count, getQueryParams, toggleAll } = useSelection()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (count === 0) return null
  const give = async (verdict: CommentStatus) => {
    setBusy(true)
    const result = await moderate({ query: getQueryParams() }, verdict)
    setBusy(false)
    if (!result.ok) {
      toast.error(result.message)
      return
    }
    const n = result.count
    toast.success(
      `${n} comment${n === 1 ? '' : 's'}: ${COMMENT_STATUS_LABELS[verdict].toLowerCase()}.`,
    )
    toggleAll()
    router.refresh()
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
          onClick={() => void give(status)}
        >
          {label} all
        </Button>
      ))}
    </div>
  )
}
