import React from 'react'

const COLOURS: Record<string, string> = {
  draft: '#6b7280',
  in_review: '#b45309',
  changes_requested: '#b91c1c',
  approved: '#047857',
  scheduled: '#1d4ed8',
  published: '#15803d',
  unpublished: '#374151',
}

/** A review state as a coloured label (the list column and the workflow panel). */
export const ReviewStateBadge: React.FC<{ state?: string | null }> = ({ state }) => {
  if (!state) return null
  return (
    <span
      data-review-state={state}
      style={{
        background: COLOURS[state] ?? '#6b7280',
        borderRadius: 4,
        color: '#fff',
        fontSize: 12,
        padding: '2px 8px',
        whiteSpace: 'nowrap',
      }}
    >
      {state.replaceAll('_', ' ')}
    </span>
  )
}
