'use client'

import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React from 'react'

import { formatAdminDate } from '../../lib/dates'
import { ReviewStateBadge } from '../ReviewStateBadge'
import type { SaveStatus } from './saveStatus'
import { useSaveStatus } from './useSaveStatus'
import { useWorkflow } from './workflowStore'

const saveText = (status: SaveStatus, lastSaved: number | undefined): string => {
  switch (status.kind) {
    case 'failed':
      return 'Not saved'
    case 'saving':
      return 'Saving…'
    case 'unsaved':
      return 'Unsaved changes'
    case 'saved':
      return lastSaved ? `Saved ${formatAdminDate(new Date(lastSaved))}` : 'Saved'
  }
}

/**
 * The document header's status, in place of Payload's "Draft / Published / Changed" (which knows
 * nothing of the review) and beside its autosave line (which says "Last saved" after a failed
 * save): the review state, and where the edits on screen stand.
 */
export const DocumentStatus: React.FC = () => {
  const { id, lastUpdateTime } = useDocumentInfo()
  const workflow = useWorkflow(id)
  const formState = useFormFields(([fields]) => fields.reviewState?.value as string | undefined)
  const status = useSaveStatus()
  return (
    <div className="document-status" data-testid="document-status">
      <span className="document-status__review">
        Review:&nbsp;
        <ReviewStateBadge state={workflow?.reviewState ?? formState} live={workflow?.live} />
      </span>
      <span
        className={`document-status__save document-status__save--${status.kind}`}
        data-save-status={status.kind}
        title={status.kind === 'failed' ? status.reason : undefined}
      >
        {saveText(status, lastUpdateTime)}
      </span>
    </div>
  )
}
