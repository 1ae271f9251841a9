import type { FlattenedField, Where } from 'payload'

import { shown } from './ids'
import { refuse } from './refuse'

export const MAX_WHERE_NESTING = 5
export const MAX_WHERE_CONDITIONS = 20
export const MAX_TEXT_MATCH_LENGTH = 100

/** Operators that scan text; Payload turns every word of a `like` into one more SQL LIKE. */
const TEXT_MATCH = new Set(['like', 'not_like', 'contains'])

const isGroup = (key: string, value: unknown): value is Where[] =>
  /^(and|or)$/i.test(key) && Array.isArray(value)

function assertNesting(level: number): void {
  if (level > MAX_WHERE_NESTING) {
    throw refuse(
      400,
      `This filter nests and/or more than ${MAX_WHERE_NESTING} levels deep; at most ${MAX_WHERE_NESTING} are allowed.`,
    )
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
        throw refuse(
          400,
          `A query string nests and/or at most 4 levels deep (10 brackets); send a deeper filter over GraphQL.`,
        )
      }
      const operators: [string, unknown][] =
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value)
          : [['equals', value]]
      for (const [operator, operand] of operators) {
        conditions += 1
        if (conditions > MAX_WHERE_CONDITIONS) {
          throw refuse(
            400,
            `This filter has more than ${MAX_WHERE_CONDITIONS} conditions; at most ${MAX_WHERE_CONDITIONS} are allowed.`,
          )
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

/** The database a filter runs on: each adapter runs its own set of operators. */
export type Database = 'sqlite' | 'postgres' | 'mongodb'

/** What the check needs to know of where a path leads (src/lib/relationHops.ts walks it). */
export type PathTarget = {
  field?: FlattenedField
  rest: string[]
  inRows: boolean
  /** Set when the path ends at a document id (`id`, `parent`, a relationship): whose ids. */
  idsOf?: string
}

type Condition = { at: string; path: string; operator: string; operand: unknown }

/** Every `path: { operator: operand }` of a filter, through and/or, with where it sits (`where[or][0][tags][all]`). */
function* conditionsOf(where: unknown, at = 'where', pathPrefix = ''): Generator<Condition> {
  if (where === null || typeof where !== 'object') return
  for (const [key, value] of Object.entries(where)) {
    if (isGroup(key, value)) {
      for (const [index, item] of value.entries())
        yield* conditionsOf(item, `${at}[${key}][${index}]`, pathPrefix)
    } else if (isPlainObject(value)) {
      // A value with no operator is refused by Payload itself ("The following path cannot be queried").
      for (const [operator, operand] of Object.entries(value))
        yield { at: `${at}[${key}][${operator}]`, path: `${pathPrefix}${key}`, operator, operand }
    }
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
const isScalar = (value: unknown) =>
  value === null || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value)
const isPolymorphicValue = (value: unknown) =>
  isPlainObject(value) && 'relationTo' in value && 'value' in value
const isRelation = (field: FlattenedField) =>
  field.type === 'relationship' || field.type === 'upload'
const isPolymorphic = (field: FlattenedField) =>
  isRelation(field) && Array.isArray((field as { relationTo?: unknown }).relationTo)
const hasMany = (field: FlattenedField) => 'hasMany' in field && field.hasMany === true

const LIST = new Set(['in', 'not_in', 'all'])
const GEO = new Set(['near', 'within', 'intersects'])
/** What the SQLite adapter runs on a path inside a JSON field (its `operatorKeys`; anything else is a TypeError). */
const SQLITE_JSON_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'like',
  'not_like',
  'contains',
  'exists',
]
/** PostgreSQL runs the same inside JSON but contains, which it sends as a match of JSON against text. */
const JSON_OPERATORS: Record<Database, string[]> = {
  sqlite: SQLITE_JSON_OPERATORS,
  postgres: SQLITE_JSON_OPERATORS.filter((operator) => operator !== 'contains'),
  mongodb: SQLITE_JSON_OPERATORS,
}

/** Payload reads `''` and `'null'` in a date filter as no date. */
const isDate = (value: unknown) =>
  value === null ||
  value === '' ||
  value === 'null' ||
  (value instanceof Date && !Number.isNaN(value.getTime())) ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && !Number.isNaN(Date.parse(value)))

/** An operator the adapter cannot run on this path at all. */
function unsupportedOperator(
  { at, path, operator }: Condition,
  { field, rest }: PathTarget,
  database: Database,
): string | undefined {
  if (database !== 'mongodb') {
    // drizzle's operatorMap has no `all` ("TODO: support this"); no collection has a point field.
    if (operator === 'all')
      return `${at}: the all operator is not supported here; use in, which matches any of the values.`
    if (GEO.has(operator))
      return `${at}: the ${operator} operator is not supported here; geographic filters need a point field, which this schema does not have.`
    return undefined
  }
  if (!GEO.has(operator)) return undefined
  // MongoDB runs $near only on a geo index (point fields have one); $geoWithin/$geoIntersects also on GeoJSON in a JSON field.
  if (
    (field?.type === 'point' && rest.length === 0) ||
    (operator !== 'near' && field?.type === 'json')
  )
    return undefined
  const what = field && rest.length === 0 ? `a ${field.type} field` : 'no point field'
  return `${at}: the ${operator} operator works only on point fields${operator === 'near' ? '' : ' and JSON fields holding GeoJSON'}; "${path}" is ${what}.`
}

/** A path the SQLite adapter cannot filter on with this operator: inside rich text or JSON, or a relationship to several collections. */
function unsupportedPath(
  { at, path, operator, operand }: Condition,
  { field, rest, inRows }: PathTarget,
  database: Database,
): string | undefined {
  if (!field) return undefined
  if (rest.length === 0) {
    if (!isPolymorphic(field) || (operator === 'equals' && isPolymorphicValue(operand)))
      return undefined
    return `${at}: "${path}" relates to several collections; filter by ${path}.relationTo and ${path}.value, or with equals { relationTo, value }.`
  }
  // Here, and inside JSON, the adapter reads the operand of in and not_in as it comes: a list, or broken SQL.
  const oneForMany = (operator === 'in' || operator === 'not_in') && !Array.isArray(operand)
  const list = `${operator} takes a list (${at}[0]=…), not one value`
  if (isPolymorphic(field))
    return oneForMany ? `${at}: on a relationship to several collections, ${list}.` : undefined
  const dotted = path.replace(/__/g, '.')
  const name = dotted.slice(0, dotted.length - rest.join('.').length - 1)
  if (field.type === 'richText')
    return database === 'sqlite'
      ? `${at}: filtering inside rich text is not supported here; filter "${name}" itself with like or contains.`
      : `${at}: filtering rich text is not supported here.`
  if (field.type !== 'json') return undefined
  if (inRows)
    return `${at}: filtering inside a JSON field of an array or blocks is not supported here; filter "${name}" itself.`
  const operators = JSON_OPERATORS[database]
  if (!operators.includes(operator)) {
    return `${at}: the ${operator} operator is not supported inside a JSON field here; use ${operators.join(', ')}.`
  }
  if (oneForMany) return `${at}: inside a JSON field, ${list}.`
  if (operator === 'exists' && !isScalar(operand))
    return `${at}: expects true or false, not ${shown(operand)}.`
  return undefined
}

/**
 * An operand of the wrong shape: an object or a list where the operator takes one value (the
 * adapter binds it and the driver throws), or a date that is none (SQLite binds `undefined`;
 * MongoDB drops the condition and answers every document).
 */
function malformedOperand(
  { at, operator, operand }: Condition,
  { field, rest }: PathTarget,
  database: Database,
): string | undefined {
  if (operator === 'exists' || GEO.has(operator)) return undefined
  // MongoDB matches an object in JSON or rich text as a literal subdocument.
  if (database === 'mongodb' && (field?.type === 'json' || field?.type === 'richText'))
    return undefined
  const leaf = field && (rest.length === 0 || field.type === 'json') ? field : undefined
  const relation = leaf !== undefined && rest.length === 0 && isRelation(leaf)
  // { relationTo, value } names a document of a relationship to several collections (on MongoDB, of any relationship).
  const names = (value: unknown) =>
    relation && isPolymorphicValue(value) && (database === 'mongodb' || isPolymorphic(leaf))
  // Payload reads a list under equals on a relationship as in, and under contains on a has-many field as "any of".
  const takesList =
    LIST.has(operator) ||
    (Array.isArray(operand) &&
      ((relation && /equals$/.test(operator)) ||
        (operator === 'contains' && leaf && hasMany(leaf))))
  let values: unknown[]
  if (takesList) {
    if (!Array.isArray(operand) && !isScalar(operand))
      return `${at}: expects a list of values, not ${shown(operand)}.`
    values = Array.isArray(operand)
      ? operand
      : typeof operand === 'string'
        ? operand.split(',')
        : [operand]
    const item = values.findIndex((value) => !isScalar(value) && !names(value))
    if (item >= 0)
      return `${at}: item ${item} is ${shown(values[item])}; a list holds single values.`
  } else {
    // Payload's own: contains with a filter of the related documents, on a has-many relationship (checked on its own).
    if (
      operator === 'contains' &&
      relation &&
      hasMany(leaf) &&
      isPlainObject(operand) &&
      !isPolymorphicValue(operand)
    )
      return undefined
    if (!isScalar(operand) && !(operator === 'equals' && names(operand)))
      return `${at}: expects a single value, not ${shown(operand)}.`
    values = [operand]
  }
  // like on a date compares its text (`2026-05`), without reading it as a date.
  if (leaf?.type !== 'date' || operator === 'like') return undefined
  const notDate = values.find((value) => !isDate(value))
  return notDate === undefined
    ? undefined
    : `${at}: ${shown(notDate)} is not a date; send one such as 2026-05-01 or 2026-05-01T09:00:00Z.`
}

/** Fields PostgreSQL stores as text, the only ones like, not_like and contains can match. */
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code'])
const COMPARES = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
const operandValues = (operand: unknown): unknown[] =>
  Array.isArray(operand)
    ? operand
    : typeof operand === 'string' && operand.includes(',')
      ? operand.split(',')
      : [operand]
const NO_VALUE = new Set([null, '', 'null'])
const isNumeric = (value: unknown) =>
  NO_VALUE.has(value as string) ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

/**
 * An operand PostgreSQL cannot compare with the column, which SQLite and MongoDB take as it comes:
 * each column has a type (a number, a boolean, an enum of a select's options, a timestamp, JSON),
 * and a text match or a value of another type fails the whole query.
 */
function mistypedOperand(
  { at, path, operator, operand }: Condition,
  { field, rest, idsOf }: PathTarget,
): string | undefined {
  // `document.value` of a relationship to several collections is an id; versions' `latest` a
  // boolean column that no field describes.
  const polymorphicId = field !== undefined && isPolymorphic(field) && rest.join('.') === 'value'
  if (rest.length > 0 && !polymorphicId) return undefined
  const kind =
    polymorphicId || (idsOf !== undefined && (!field || isRelation(field)))
      ? 'id'
      : !field && path === 'latest'
        ? 'checkbox'
        : field?.type
  if (!kind) return undefined
  if (TEXT_MATCH.has(operator)) {
    // contains with a filter of the related documents is Payload's own (checked on its own).
    if (operator === 'contains' && kind === 'id' && isPlainObject(operand)) return undefined
    // like on an id is the admin list's search of a collection without a title: Payload casts it.
    if (TEXT_TYPES.has(kind) || (kind === 'id' && operator === 'like')) return undefined
    return `${at}: ${operator} matches text, and "${path}" is ${kind === 'id' ? 'an id' : `a ${kind} field`}; use equals or in.`
  }
  if (!COMPARES.has(operator)) return undefined
  const values = operandValues(operand).filter((value) => !NO_VALUE.has(value as string))
  if ((kind === 'select' || kind === 'radio') && field && 'options' in field) {
    const options = field.options.map((option) =>
      typeof option === 'string' ? option : option.value,
    )
    const other = values.find((value) => !options.includes(String(value)))
    return other === undefined
      ? undefined
      : `${at}: ${shown(other)} is not an option of "${path}"; the options are ${options.join(', ')}.`
  }
  if (kind === 'checkbox') {
    const other = values.find((value) => !['true', 'false'].includes(String(value)))
    return other === undefined
      ? undefined
      : `${at}: "${path}" is true or false, not ${shown(other)}.`
  }
  if (kind === 'number' || kind === 'id') {
    const other = values.find((value) => !isNumeric(value) && !isPolymorphicValue(value))
    return other === undefined ? undefined : `${at}: "${path}" is a number, not ${shown(other)}.`
  }
  return undefined
}

/**
 * The first condition of a filter that the database cannot run, as the message that refuses it.
 * Payload accepts every operator on every field and leaves it to the adapter, which on SQLite
 * answers `all`, `near`, `within` and `intersects` (everywhere), a path into rich text or a
 * relationship to several collections, or an object where a value belongs, with a 500. On MongoDB
 * what it cannot run is a geographic operator off a point field. `pathAt` says where a path leads.
 */
export function findUnsupportedCondition(
  where: Where | undefined,
  pathAt: (path: string) => PathTarget,
  database: Database,
  at = 'where',
  pathPrefix = '',
): string | undefined {
  for (const condition of conditionsOf(where, at, pathPrefix)) {
    const target = pathAt(condition.path)
    const problem =
      unsupportedOperator(condition, target, database) ??
      (database !== 'mongodb' ? unsupportedPath(condition, target, database) : undefined) ??
      malformedOperand(condition, target, database) ??
      (database === 'postgres' ? mistypedOperand(condition, target) : undefined)
    if (problem) return problem
    const { field, rest } = target
    // The nested filter of a has-many `contains` runs on the related documents, through the relationship's path.
    if (
      condition.operator === 'contains' &&
      field &&
      rest.length === 0 &&
      isRelation(field) &&
      isPlainObject(condition.operand)
    ) {
      const nested = findUnsupportedCondition(
        condition.operand as Where,
        pathAt,
        database,
        condition.at,
        `${condition.path}.`,
      )
      if (nested) return nested
    }
  }
  return undefined
}

/** A filter the database can run, or a 400 naming the condition it cannot (see findUnsupportedCondition). */
export function assertSupportedFilter(
  where: Where | undefined,
  pathAt: (path: string) => PathTarget,
  database: Database,
): void {
  const problem = findUnsupportedCondition(where, pathAt, database)
  if (problem) throw refuse(400, problem)
}
