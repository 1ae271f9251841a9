import type { Field, Payload, Where } from 'payload'

import { refuse } from './refuse'

type Named = { name?: string; type: string; relationTo?: string | string[]; fields?: Field[]; flattenedFields?: Field[] }

/** How many relationships a where path crosses: `authors.slug` 1, `authors.user.email` 2. */
function hops(payload: Payload, collection: string, path: string): number {
  const fieldsOf = (slug: string) =>
    (payload.collections as Record<string, { config: { flattenedFields: unknown } } | undefined>)[slug]?.config.flattenedFields as
      Named[] | undefined
  let fields = fieldsOf(collection)
  let count = 0
  for (const segment of path.split('.')) {
    const field = fields?.find((f) => f.name === segment)
    if (!field) break
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      count += 1
      fields = fieldsOf(field.relationTo)
    } else {
      fields = (field.flattenedFields ?? field.fields) as Named[] | undefined
    }
  }
  return count
}

function* paths(where: Where | undefined): Generator<string> {
  for (const [key, value] of Object.entries(where ?? {})) {
    if (/^(and|or)$/i.test(key) && Array.isArray(value)) for (const item of value) yield* paths(item as Where)
    else yield key
  }
}

/**
 * A query may filter through one relationship (`authors.slug`), not through two
 * (`authors.user.email`). Deeper paths are rarely useful, expensive, and Payload 3.90 answers an
 * invalid one with a 400 and then also rejects a promise nobody awaits, which stops the process.
 */
export function assertRelationHops(payload: Payload, collection: string, where: Where | undefined): void {
  for (const path of paths(where)) {
    if (hops(payload, collection, path) > 1) {
      throw refuse(400, `Cannot query "${path}": a filter may follow at most one relationship.`)
    }
  }
}
