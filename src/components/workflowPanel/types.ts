import type { HistoryEntry } from '../../services/workflow/history'
import type { Action, ReviewState, UnavailableAction } from '../../workflow'

/** GET /api/articles/:id/workflow, as the panel reads it. */
export type Workflow = {
  id: number | string
  reviewState: ReviewState
  live: boolean
  allowedActions: Action[]
  unavailable: UnavailableAction[]
  publishAt: string | null
  scheduleError: string | null
  history: HistoryEntry[]
}
