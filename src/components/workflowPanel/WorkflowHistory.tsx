import React from 'react'

import { formatAdminDate } from '../../lib/dates'
import type { HistoryEntry } from '../../services/workflow/history'
import { eventLabel, stateLabel } from '../../workflow/labels'

const states = ({ from, to }: HistoryEntry) =>
  from === to ? stateLabel(from) : `${stateLabel(from)} → ${stateLabel(to)}`

/** The audit trail, newest first: what happened, between which states, by whom, when, and the note. */
export const WorkflowHistory: React.FC<{ history: HistoryEntry[] }> = ({ history }) => (
  <>
    <h5 className="workflow-panel__heading">History</h5>
    <ol className="workflow-panel__history">
      {history.map((entry, index) => (
        <li key={index}>
          <strong>{eventLabel(entry.action)}</strong> ({states(entry)}) by{' '}
          {entry.actor?.name ?? 'the scheduler'}, {formatAdminDate(entry.at)}
          {entry.note && <div className="workflow-panel__note">“{entry.note}”</div>}
        </li>
      ))}
      {history.length === 0 && <li>Not yet submitted.</li>}
    </ol>
  </>
)
