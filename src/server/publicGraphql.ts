import { configToSchema } from '@payloadcms/graphql'
import type { RequestHandler, Response as ExpressResponse } from 'express'
import {
  type DocumentNode,
  execute,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql'
import type { Payload } from 'payload'

import type { CachedResponse } from '../services/publicCache'
import { hasCredentials, send, withCors } from './httpCaching'

type Store = ((response: CachedResponse) => void) | undefined
type PayloadGraphql = ReturnType<typeof configToSchema>

/** The root fields answered from the read model, the same for every reader. */
const PUBLIC_FIELDS = new Set(['publicArticle', 'publicArticles', '__typename'])

/** Distinct query texts whose parse and validation are kept (frontends send a handful)… */
const KEPT_QUERIES = 200
/** …each at most this long, so that what is kept stays a few megabytes whatever is sent. */
const KEPT_QUERY_CHARS = 8_000

/**
 * Anonymous GraphQL queries that ask only for `publicArticle`/`publicArticles` are executed here,
 * on Payload's own schema with Payload's own validation rules, but without its per-request set-up
 * (request object, authentication, locale), which costs more than the read, and with the parse and
 * the standard validation of a query text done once, not per request. Anything else — credentials,
 * another root field, a mutation, a body or query Payload would refuse, an answer with errors —
 * goes on to Payload's handler, which answers it exactly as it always has.
 */
export function publicGraphql(
  payload: Payload,
  storeFor: (res: ExpressResponse) => Store,
): RequestHandler {
  const { schema, validationRules } = payloadGraphql(payload)
  const documents = new Map<string, DocumentNode | null>()
  const publicDocument = (query: string): DocumentNode | null => {
    if (query.length > KEPT_QUERY_CHARS) return readOnlyPublic(query)
    let document = documents.get(query)
    if (document === undefined) {
      document = readOnlyPublic(query)
      if (documents.size >= KEPT_QUERIES) documents.delete(documents.keys().next().value!)
      documents.set(query, document)
    }
    return document
  }
  const readOnlyPublic = (query: string): DocumentNode | null => {
    try {
      const document = parse(query)
      const allPublic = document.definitions.every(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION ||
          (definition.kind === Kind.OPERATION_DEFINITION && asksOnlyPublic(definition)),
      )
      return allPublic && validate(schema, document, specifiedRules).length === 0 ? document : null
    } catch {
      return null
    }
  }

  return async (req, res, next) => {
    const mediaType = answerType(req.headers.accept)
    const params = hasCredentials(req.headers.authorization, req.headers.cookie)
      ? undefined
      : requestParams(req.body)
    const document = params && mediaType ? publicDocument(params.query) : null
    if (!params || !document || !getOperationAST(document, params.operationName)) return next()
    const variableValues = params.variables ?? undefined
    let body: Buffer
    try {
      // Payload's rules that depend on the variables: complexity, rows per query, introspection.
      if (validate(schema, document, validationRules({ variableValues } as never)).length)
        return next()
      const result = await execute({
        schema,
        document,
        variableValues,
        operationName: params.operationName,
        contextValue: { req: { payload }, headers: {} },
      })
      if (result.errors) return next()
      body = Buffer.from(JSON.stringify(result))
    } catch {
      // Payload's handler answers whatever went wrong, as it would have.
      return next()
    }
    const headers = withCors(
      payload,
      req.headers.origin,
      new Headers({ 'Content-Type': `${mediaType}; charset=utf-8` }),
    )
    storeFor(res)?.({ status: 200, headers: [...headers], body, etag: '' })
    send(res, { status: 200, headers, body })
  }
}

/**
 * Payload's schema and rules, built once and shared with Payload's own handler (which keeps them in
 * `global._payload_graphql`), so one schema serves both.
 */
function payloadGraphql(payload: Payload): PayloadGraphql {
  const shared = globalThis as {
    _payload_graphql?: { graphql: PayloadGraphql | null; promise: Promise<PayloadGraphql> | null }
  }
  shared._payload_graphql ??= { graphql: null, promise: null }
  return (shared._payload_graphql.graphql ??= configToSchema(payload.config))
}

const asksOnlyPublic = (operation: OperationDefinitionNode): boolean =>
  operation.operation === 'query' &&
  operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && PUBLIC_FIELDS.has(selection.name.value),
  )

type Params = {
  query: string
  variables?: Record<string, unknown> | null
  operationName?: string | null
}

/** A GraphQL-over-HTTP JSON body, or undefined for anything Payload's handler should judge. */
function requestParams(body: unknown): Params | undefined {
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined
  let params: Partial<Record<keyof Params, unknown>>
  try {
    params = JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
  const { query, variables, operationName } = params
  const isObject = (value: unknown) =>
    value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value))
  if (typeof query !== 'string' || !isObject(variables)) return undefined
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined
  return params as Params
}

/** The media type graphql-http would answer with for this Accept header (null: it would refuse). */
function answerType(accept: string | undefined): string | null {
  for (const item of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [type, ...params] = item.split(';')
    const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8'
    if (type === 'application/graphql-response+json' && charset === 'charset=utf-8') return type
    if (
      (type === 'application/json' || type === 'application/*' || type === '*/*') &&
      (charset === 'charset=utf-8' || charset === 'charset=utf8')
    )
      return 'application/json'
  }
  return null
}
