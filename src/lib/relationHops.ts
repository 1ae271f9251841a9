import type { FlattenedField, Payload, Where } from 'payload'

import { refuse } from './refuse'

/** Where a where path leads, walked the way the database adapters walk it. */
export type WherePath = {
  /**
   * The last field the path names: the end of the path, or a field it cannot walk into (JSON, rich
   * text, a relationship to several collections) with `rest` after it. Undefined for `id`, and
   * where the path leaves the schema.
   */
  field?: FlattenedField
  /** The segments after `field` (`input.x` on a JSON field `input` leaves `x`); empty at the end. */
  rest: string[]
  /** Relationships followed, the last one included: `authors` 1, `authors.slug` 1, `authors.user.email` 2. */
  hops: number
  /** The collection whose ids the path holds: `id`, a relationship (`authors`, `authors.id`), versions' `parent`. */
  idsOf?: string
  /** Whether the field sits in an array or blocks: rows of a table of their own. */
  inRows: boolean
}

type Collections = Record<string, { config: { flattenedFields: FlattenedField[] } } | undefined>
const fieldsOf = (payload: Payload, slug: string) =>
  (payload.collections as Collections)[slug]?.config.flattenedFields

const isRelation = (field: FlattenedField) =>
  field.type === 'relationship' || field.type === 'upload'

/**
 * Follows a where path (`authors.user.email`; GraphQL spells it `sizes__card__url`) through the
 * fields, groups, arrays and relationships of a collection. A versions query also filters by
 * `parent` (the document) and `version.…` (its fields); a beforeOperation hook cannot tell it from
 * a find (Payload calls both "read"), so those two are understood on every query, where Payload
 * refuses them anyway. The one walk behind the relationship cap below, the id checks
 * (src/plugins/refuseMalformedIds.ts) and the filter checks (src/plugins/capQueries.ts).
 */
export function walkWherePath(payload: Payload, slug: string, path: string): WherePath {
  const segments = path.replace(/__/g, '.').split('.')
  const walked: WherePath = { rest: [], hops: 0, inRows: false }
  let current = slug
  let here = fieldsOf(payload, slug)
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1
    const field = here?.find((f) => f.name === segment)
    if (!field && index === 0 && segment === 'version') continue
    if (!field && index === 0 && segment === 'parent') {
      walked.hops += 1
      if (last) walked.idsOf = current
      continue
    }
    if (!field) {
      if (segment === 'id' && last) walked.idsOf = current
      walked.field = undefined
      return walked
    }
    walked.field = field
    if (isRelation(field) && typeof field.relationTo === 'string') {
      walked.hops += 1
      current = field.relationTo
      if (last) walked.idsOf = current
      here = fieldsOf(payload, current)
      walked.inRows = false
    } else if (isRelation(field)) {
      // A relationship to several collections: all of one adapter's collections share an id kind.
      if (last) walked.idsOf = (field.relationTo as string[])[0]
      walked.rest = segments.slice(index + 1)
      return walked
    } else if ('flattenedFields' in field) {
      if (field.type === 'array') walked.inRows = true
      here = field.flattenedFields
    } else {
      if (field.type === 'blocks') walked.inRows = true
      walked.rest = segments.slice(index + 1)
      return walked
    }
  }
  return walked
}

function* paths(where: Where | undefined): Generator<string> {
  for (const [key, value] of Object.entries(where ?? {})) {
    if (/^(and|or)$/i.test(key) && Array.isArray(value))
      for (const item of value) yield* paths(item as Where)
    else yield key
  }
}

/**
 * A query may filter through one relationship (`authors.slug`), not through two
 * (`authors.user.email`). Deeper paths are rarely useful, expensive, and Payload 3.90 answers an
 * invalid one with a 400 and then also rejects a promise nobody awaits, which stops the process.
 */
export function assertRelationHops(
  payload: Payload,
  collection: string,
  where: Where | undefined,
): void {
  for (const path of paths(where)) {
    if (walkWherePath(payload, collection, path).hops > 1) {
      throw refuse(400, `Cannot query "${path}": a filter may follow at most one relationship.`)
    }
  }
}
