import { stateLabel } from './labels'
import type { ReviewState } from './states'

/**
 * What restoring an old version did, in the words the admin shows after it: a restore is an edit,
 * saved as a new draft revision that goes through review (see decideEdit).
 */
export function restoredMessage({
  from,
  to,
  live,
}: {
  from: ReviewState
  to: ReviewState
  live: boolean
}): string {
  const stale = (from === 'approved' || from === 'scheduled') && to === 'in_review'
  const next = stale
    ? `The approval no longer applies: the article is back "${stateLabel(to)}" and needs approving again before it is published.`
    : to === 'in_review'
      ? `The article stays "${stateLabel(to)}".`
      : `The article is "${stateLabel(to)}": submit it for review to publish it.`
  const stays = live ? ' The published version stays live until this revision is published.' : ''
  return `Version restored as a new draft revision. ${next}${stays}`
}
