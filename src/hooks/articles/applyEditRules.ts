import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { idOf } from '../../lib/ids'
import { refuse } from '../../lib/refuse'
import type { Article } from '../../payload-types'
import { isTransition } from '../../services/workflow/context'
import { changedFields, decideEdit, type EditEffect, type Id } from '../../workflow'

const EDIT_EFFECT = 'workflowEditEffect'

/** A content edit outside the workflow follows the edit rules (decideEdit in src/workflow). */
export const applyEditRules: CollectionBeforeChangeHook<Article> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (isTransition(req.context)) return data
  if (operation === 'create' || !originalDoc) return { ...data, reviewState: 'draft' }

  const facts = {
    state: originalDoc.reviewState ?? 'draft',
    changed: changedFields(originalDoc, { ...originalDoc, ...data }),
    editedSinceSubmit: (originalDoc.editedSinceSubmit ?? [])
      .map(idOf)
      .filter((id): id is Id => id !== undefined),
  }
  const decision = decideEdit(facts, req.user ?? undefined)
  if (!decision.ok) throw refuse(decision.status, decision.message)
  if (decision.effect) req.context[EDIT_EFFECT] = decision.effect
  return { ...data, ...decision.set }
}

/** What the request's last edit did to the workflow, handed out once (recordEditEvents writes it down). */
export function takeEditEffect(req: PayloadRequest): EditEffect | undefined {
  const effect = req.context[EDIT_EFFECT] as EditEffect | undefined
  delete req.context[EDIT_EFFECT]
  return effect
}
