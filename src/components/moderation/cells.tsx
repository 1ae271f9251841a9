'use client'

import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { formatAdminDate, formatAge } from '../../lib/dates'
import { CommentStatusPill } from './CommentStatusPill'
import { ModerationButtons } from './ModerationButtons'

/** The comments list's columns a moderator works from. */

/** A line of the comment's text; the whole text on hover. */
export const CommentLineCell: React.FC<DefaultCellComponentProps> = ({ cellData }) => (
  <span className="comment-line" title={String(cellData ?? '')}>
    {String(cellData ?? '')}
  </span>
)

export const CommentStatusCell: React.FC<DefaultCellComponentProps> = ({ cellData }) => (
  <CommentStatusPill status={cellData as string} />
)

/** How long the comment has waited ("12 min ago"); the date and time on hover. */
export const CommentAgeCell: React.FC<DefaultCellComponentProps> = ({ rowData }) => {
  const createdAt = rowData?.createdAt as string | undefined
  return (
    <time dateTime={createdAt} title={formatAdminDate(createdAt)} suppressHydrationWarning>
      {formatAge(createdAt)}
    </time>
  )
}

export const ModerateCell: React.FC<DefaultCellComponentProps> = ({ rowData }) => (
  <ModerationButtons
    id={rowData.id as number | string}
    status={rowData.status as string | undefined}
    who={rowData.authorName as string | undefined}
  />
)
