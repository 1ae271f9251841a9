import {
  type ASTVisitor,
  type FieldNode,
  GraphQLError,
  Kind,
  type ValidationContext,
} from 'graphql'

import { STAFF_LIMIT } from '../hooks/capPublicQueries'

/**
 * Payload scores a query 10 per relationship and 1 per other field (the list size does not count):
 * 100 leaves room for a list page with its authors, sources and images (the README's list query
 * scores 31) but not for a query that follows relation after relation.
 */
export const GRAPHQL_MAX_COMPLEXITY = 100

/** Documents all the lists of one query may ask for together; each list alone is capped by capPublicQueries. */
export const MAX_GRAPHQL_ROWS = 500

/** Payload's page size when a query names no limit. */
const DEFAULT_LIMIT = 10

/**
 * Refuses a query whose lists (fields with a `limit` argument) ask for more than 500 documents in
 * all, the complexity score being blind to list sizes: twenty aliases of
 * `Articles(limit: 100) { totalDocs }` score 40 but would read 2,000 rows. A list inside a list
 * counts once per parent document.
 */
export const limitListRows =
  (variables: Record<string, unknown> | null | undefined) =>
  (context: ValidationContext): ASTVisitor => {
    let rows = 0
    const parents: number[] = [1]
    const isList = () => context.getFieldDef()?.args.some((arg) => arg.name === 'limit') ?? false
    return {
      Field: {
        enter(node) {
          if (!isList()) return
          const count = parents[parents.length - 1] * listSize(node, variables ?? {})
          parents.push(count)
          rows += count
          if (rows > MAX_GRAPHQL_ROWS && rows - count <= MAX_GRAPHQL_ROWS) {
            context.reportError(
              new GraphQLError(
                `This query asks for up to ${rows} documents in its lists; at most ${MAX_GRAPHQL_ROWS} are allowed per query. Ask for smaller pages or split the query.`,
                { nodes: [node] },
              ),
            )
          }
        },
        leave() {
          if (isList()) parents.pop()
        },
      },
    }
  }

/**
 * The most documents one list may return: its limit, or a full page for none given, 0, a negative
 * or `pagination: false`. Read from the syntax tree (a literal or a variable), not with graphql's
 * value helpers, which fail when the schema comes from another copy of the graphql module.
 */
function listSize(node: FieldNode, variables: Record<string, unknown>): number {
  const argument = (name: string): unknown => {
    const value = node.arguments?.find((arg) => arg.name.value === name)?.value
    if (value?.kind === Kind.VARIABLE) return variables[value.name.value]
    if (value?.kind === Kind.INT) return Number(value.value)
    if (value?.kind === Kind.BOOLEAN) return value.value
    return undefined
  }
  const limit = argument('limit')
  if (argument('pagination') === false || (typeof limit === 'number' && limit <= 0))
    return STAFF_LIMIT
  return Math.min(typeof limit === 'number' ? limit : DEFAULT_LIMIT, STAFF_LIMIT)
}
