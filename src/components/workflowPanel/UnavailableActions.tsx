import React from 'react'

import type { UnavailableAction } from '../../workflow'
import { eventLabel } from '../../workflow/labels'

/** Why the actions this state calls for are not this user's to take, instead of missing buttons. */
export const UnavailableActions: React.FC<{ items: UnavailableAction[] }> = ({ items }) =>
  items.length ? (
    <ul className="workflow-panel__unavailable" data-testid="workflow-unavailable">
      {items.map(({ action, reason }) => (
        <li key={action} data-action={action}>
          <strong>{eventLabel(action)}:</strong> {reason}
        </li>
      ))}
    </ul>
  ) : null
