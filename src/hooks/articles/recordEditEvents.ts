import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '../../payload-types'
import { recordEvent } from '../../services/workflow/events'
import { cancelSchedule } from '../../services/workflow/schedule'
import { editEvent } from '../../workflow'
import { takeEditEffect } from './applyEditRules'

/** Writes down why an edit moved the article (a stale approval, a new revision of a live one). */
export const recordEditEvents: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const effect = takeEditEffect(req)
  if (!effect) return doc
  await recordEvent(req, {
    article: doc.id,
    ...editEvent(effect),
    from: effect.from,
    to: effect.to,
    doc,
  })
  if (effect.from === 'scheduled') await cancelSchedule(req, previousDoc?.scheduleJob)
  return doc
}
