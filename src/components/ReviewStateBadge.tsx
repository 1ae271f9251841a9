import { Pill } from '@payloadcms/ui'
import React from 'react'

import { stateLabel } from '../workflow/labels'

/** Payload's pill styles follow the admin's light and dark themes; approved and published differ. */
const STYLES: Record<string, React.ComponentProps<typeof Pill>['pillStyle']> = {
  draft: 'light-gray',
  in_review: 'warning',
  changes_requested: 'error',
  approved: 'success',
  scheduled: 'light',
  published: 'dark',
  unpublished: 'white',
}

/**
 * A review state as Payload's pill (the list column, the panel, the desk); `live` adds a second
 * pill when a published version stays live under a newer revision.
 */
export const ReviewStateBadge: React.FC<{ state?: string | null; live?: boolean }> = ({
  state,
  live,
}) => {
  if (!state) return null
  return (
    <span className="review-state" style={{ display: 'inline-flex', gap: 4 }}>
      <Pill pillStyle={STYLES[state] ?? 'light'} size="small">
        <span data-review-state={state}>{stateLabel(state)}</span>
      </Pill>
      {live && state !== 'published' && (
        <Pill pillStyle="dark" size="small">
          <span data-live>live</span>
        </Pill>
      )}
    </span>
  )
}
