/** The id of a relation value, whether it arrives populated (`{ id }`) or as a bare id. */
export const idOf = (value: unknown): string | number | undefined => {
  if (value && typeof value === 'object' && 'id' in value)
    return (value as { id: string | number }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/** How the database names documents: SQLite numbers them from 1, MongoDB gives each an ObjectId. */
export type IdKind = 'integer' | 'objectId'

/** What an id of each kind looks like, for the message that refuses one. */
export const ID_SHAPES: Record<IdKind, string> = {
  integer: 'positive whole numbers such as 42',
  objectId: '24 hexadecimal characters such as 665f1c2ab0d4e8a9c3f70b12',
}

const INTEGER = /^[1-9][0-9]*$/
const OBJECT_ID = /^[0-9a-f]{24}$/i

/**
 * Whether a value is exactly an id, not something a lenient parser would turn into one: Payload's
 * REST routes read `1abc` and `1' OR 1=1` as 1, and `abc` as NaN, which SQLite refuses with a 500.
 */
export function isValidId(value: unknown, kind: IdKind): boolean {
  if (kind === 'integer') {
    if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0
    return typeof value === 'string' && INTEGER.test(value) && Number.isSafeInteger(Number(value))
  }
  if (typeof value === 'string') return OBJECT_ID.test(value)
  // Server code may hand over the driver's ObjectId itself.
  const hex = (value as { toHexString?: unknown } | null)?.toHexString
  return typeof hex === 'function' && OBJECT_ID.test(String(hex.call(value)))
}

/** A value as a message quotes it: strings in quotes (cut at 60 characters), others by what they are. */
export function shown(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
  if (Array.isArray(value)) return 'a list'
  if (value !== null && typeof value === 'object') return 'an object'
  return String(value)
}

/** Operators whose operand is a list (or a comma-separated string, as Payload reads it). */
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])

const isGroup = (key: string, value: unknown): value is unknown[] =>
  /^(and|or)$/i.test(key) && Array.isArray(value)

/** No relation: `null`, and `'null'`, which is how a query string spells it (Payload reads it as null). */
const isNone = (value: unknown) => value === undefined || value === null || value === 'null'

export type MalformedId = { at: string; value: unknown; kind: IdKind }

/**
 * The first value in a filter that should be an id and is not, with where it sits
 * (`where[or][0][authors][in]`). `kindAt` says which paths hold ids under which operator (`id`,
 * relationship fields, `authors.id`): it answers their kind, or undefined for every other field.
 * `exists` takes a boolean, not an id, and is left alone.
 */
export function findMalformedId(
  where: unknown,
  kindAt: (path: string, operator: string) => IdKind | undefined,
  prefix = 'where',
): MalformedId | undefined {
  if (where === null || typeof where !== 'object') return undefined
  for (const [key, value] of Object.entries(where)) {
    if (isGroup(key, value)) {
      for (const [index, item] of value.entries()) {
        const found = findMalformedId(item, kindAt, `${prefix}[${key}][${index}]`)
        if (found) return found
      }
      continue
    }
    const operators: [string | undefined, unknown][] =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value)
        : [[undefined, value]]
    for (const [operator, operand] of operators) {
      if (operator === 'exists') continue
      const kind = kindAt(key, operator ?? 'equals')
      if (!kind) continue
      const at = operator === undefined ? `${prefix}[${key}]` : `${prefix}[${key}][${operator}]`
      const list = operator !== undefined && LIST_OPERATORS.has(operator)
      const values = list
        ? typeof operand === 'string'
          ? operand.split(',')
          : Array.isArray(operand)
            ? operand
            : [operand]
        : [operand]
      for (const each of values) {
        // A polymorphic relation is matched as { relationTo, value }.
        const id =
          each !== null && typeof each === 'object' && 'relationTo' in each && 'value' in each
            ? each.value
            : each
        if (!isNone(id) && !isValidId(id, kind)) return { at, value: id, kind }
      }
    }
  }
  return undefined
}

/** `where[authors][in]: "x1" is not a valid id; ids here are positive whole numbers such as 42.` */
export const malformedIdMessage = ({ at, value, kind }: MalformedId): string =>
  `${at}: ${shown(value)} is not a valid id; ids here are ${ID_SHAPES[kind]}.`
