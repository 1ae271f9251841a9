import type { CollectionAfterChangeHook } from 'payload'

import { recordEvent } from '../../services/workflow/events'
import { cancelSchedule } from '../../services/workflow/schedule'
import { EDIT_EFFECT, type EditEffect } from './applyEditRules'

/** Writes down why an edit moved the article (a stale approval, a new revision of a live one). */
export const recordEditEvents: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const effect = req.context[EDIT_EFFECT] as EditEffect | undefined
  if (!effect) return doc
  delete req.context[EDIT_EFFECT]
  const stale = effect.from === 'approved' || effect.from === 'scheduled'
  await recordEvent(req, {
    article: doc.id,
    action: stale ? 'stale_approval_reset' : 'edited_live',
    from: effect.from,
    to: effect.to,
    note: stale
      ? `Approval no longer applies: ${effect.fields.join(', ')} changed after approval${effect.from === 'scheduled' ? '; the schedule is cancelled' : ''}.`
      : `New revision of the live article (${effect.fields.join(', ')} changed); the published version stays live until this one is published.`,
    doc,
  })
  if (effect.from === 'scheduled') await cancelSchedule(req, previousDoc?.scheduleJob)
  return doc
}
