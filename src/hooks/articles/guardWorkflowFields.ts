import type { CollectionBeforeValidateHook } from 'payload'

import { WORKFLOW_FIELD_NAMES } from '../../fields/workflowFields'
import { idOf } from '../../lib/ids'
import { refuse } from '../../lib/refuse'
import type { Article } from '../../payload-types'
import { DUPLICATING, isTransition, RESTORING } from '../../services/workflow/context'

/** Comparable form of a field value: ids for relations, epoch ms for dates, null for empty. */
function comparable(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value))
    return value.length ? JSON.stringify(value.map((v) => String(idOf(v)))) : null
  if (typeof value === 'object') return String(idOf(value))
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value)
  return String(value)
}

export const setByWorkflow = (name: string) =>
  `${name} is set by the review workflow, not by saving; use POST /api/articles/:id/workflow.`

const DEFAULTS: Partial<Article> = { reviewState: 'draft' }

/** The workflow fields by name; the field config names only fields of Article. */
const FIELD_NAMES = WORKFLOW_FIELD_NAMES as (keyof Article)[]

/**
 * Review state, approval and schedule change only through workflow actions. A save that would
 * change them is refused (the admin form sends them back unchanged, which is fine). A restored
 * version keeps the article's current workflow state (a restore saves the version's data as it
 * is, so the current values are written back); a duplicate starts without any.
 */
export const guardWorkflowFields: CollectionBeforeValidateHook<Article> = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!data || isTransition(req.context)) return data
  if (req.context[RESTORING]) {
    const { _status, ...rest } = data
    const current = (name: keyof Article) => {
      const value = originalDoc?.[name] ?? null
      return Array.isArray(value)
        ? value.map(idOf)
        : value && typeof value === 'object'
          ? idOf(value)
          : value
    }
    return { ...rest, ...Object.fromEntries(FIELD_NAMES.map((name) => [name, current(name)])) }
  }
  if (operation === 'create' && req.context[DUPLICATING]) {
    return Object.fromEntries(
      Object.entries(data).filter(([name]) => !WORKFLOW_FIELD_NAMES.includes(name)),
    )
  }
  for (const name of FIELD_NAMES) {
    if (!(name in data)) continue
    const current = operation === 'update' ? originalDoc?.[name] : DEFAULTS[name]
    if (comparable(data[name]) !== comparable(current)) {
      throw refuse(403, setByWorkflow(name))
    }
  }
  return data
}
