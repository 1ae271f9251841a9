'use client'

import { TextareaInput } from '@payloadcms/ui'
import React from 'react'

import { NOTE_MAX } from '../../workflow/decide'

/** The note that goes with "Request changes" (required there), as Payload's own textarea. */
export const ActionNote: React.FC<{ value: string; onChange: (value: string) => void }> = ({
  value,
  onChange,
}) => (
  <TextareaInput
    path="workflowNote"
    label="Note for the authors"
    placeholder="What should change? (needed to request changes)"
    rows={3}
    value={value}
    showError={value.length > NOTE_MAX}
    Error={
      value.length > NOTE_MAX ? (
        <span className="workflow-panel__problem">
          The note is {value.length} characters; at most {NOTE_MAX} fit.
        </span>
      ) : undefined
    }
    onChange={(event) => onChange(event.target.value)}
  />
)
