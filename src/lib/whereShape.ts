import type { Where } from 'payload'

import { refuse } from './refuse'

export const MAX_WHERE_NESTING = 5
export const MAX_WHERE_CONDITIONS = 20
export const MAX_TEXT_MATCH_LENGTH = 100

/** Operators that scan text; Payload turns every word of a `like` into one more SQL LIKE. */
const TEXT_MATCH = new Set(['like', 'not_like', 'contains'])

const isGroup = (key: string, value: unknown): value is Where[] => /^(and|or)$/i.test(key) && Array.isArray(value)

function assertNesting(level: number): void {
  if (level > MAX_WHERE_NESTING) {
    throw refuse(400, `This filter nests and/or more than ${MAX_WHERE_NESTING} levels deep; at most ${MAX_WHERE_NESTING} are allowed.`)
  }
}

/**
 * A filter stays cheap to plan and run, whoever sends it: and/or nested at most 5 levels deep, at
 * most 20 conditions (each operator on a field counts one), and text matches of at most 100
 * characters.
 */
export function assertWhereShape(where: Where | undefined): void {
  let conditions = 0
  const walk = (node: Where, level: number): void => {
    for (const [key, value] of Object.entries(node ?? {})) {
      if (isGroup(key, value)) {
        assertNesting(level + 1)
        for (const item of value) walk(item, level + 1)
        continue
      }
      // Payload parses a query string 10 brackets deep and leaves the rest as one key, `[title][equals]`.
      if (key.startsWith('[')) {
        assertNesting(level + (key.match(/\[(and|or)\]/gi)?.length ?? 0))
        throw refuse(400, `A query string nests and/or at most 4 levels deep (10 brackets); send a deeper filter over GraphQL.`)
      }
      const operators: [string, unknown][] =
        value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [['equals', value]]
      for (const [operator, operand] of operators) {
        conditions += 1
        if (conditions > MAX_WHERE_CONDITIONS) {
          throw refuse(400, `This filter has more than ${MAX_WHERE_CONDITIONS} conditions; at most ${MAX_WHERE_CONDITIONS} are allowed.`)
        }
        if (TEXT_MATCH.has(operator) && String(operand).length > MAX_TEXT_MATCH_LENGTH) {
          throw refuse(
            400,
            `Cannot filter "${key}" with ${operator}: the text is ${String(operand).length} characters; at most ${MAX_TEXT_MATCH_LENGTH} are allowed.`,
          )
        }
      }
    }
  }
  walk(where ?? {}, 0)
}
