'use client'

import { Banner } from '@payloadcms/ui'
import React from 'react'

import type { SaveStatus } from './saveStatus'

/** "Not saved: <reason>" at the top of the panel, for as long as the edits on screen cannot be saved. */
export const SaveStatusNotice: React.FC<{ status: SaveStatus }> = ({ status }) =>
  status.kind === 'failed' ? (
    <div data-testid="workflow-not-saved" role="alert">
      <Banner type="error">
        <strong>Not saved:</strong> {status.reason} Workflow actions wait until it can be saved.
      </Banner>
    </div>
  ) : null
