import type {
  AfterErrorHook,
  CollectionBeforeOperationHook,
  Payload,
  PayloadHandler,
  Plugin,
} from 'payload'

import {
  findMalformedId,
  ID_SHAPES,
  isValidId,
  malformedIdMessage,
  shown,
  type IdKind,
} from '../lib/ids'
import { refuse } from '../lib/refuse'
import { walkWherePath } from '../lib/relationHops'

/** Ids of this collection: SQLite integers or MongoDB ObjectIds; undefined for free-form custom ids. */
function idKindOf(payload: Payload, slug: string): IdKind | undefined {
  const custom = payload.collections[slug as keyof typeof payload.collections]?.customIDType
  if (custom) return custom === 'number' ? 'integer' : undefined
  if (payload.db.defaultIDType === 'number') return 'integer'
  return payload.db.name === 'mongoose' ? 'objectId' : undefined
}

/** "article", "workflow event": what a message calls one document of the collection. */
function nameOf(payload: Payload, slug: string): string {
  const singular =
    payload.collections[slug as keyof typeof payload.collections]?.config.labels?.singular
  return (typeof singular === 'string' ? singular : slug).toLowerCase()
}

/** A 404 for an id that cannot be one: `"abc" is not a valid article id; ids are positive whole numbers such as 42.` */
export function assertDocumentId(
  payload: Payload,
  slug: string,
  id: unknown,
  what = nameOf(payload, slug),
): void {
  const kind = idKindOf(payload, slug)
  if (kind && !isValidId(id, kind))
    throw refuse(404, `${shown(id)} is not a valid ${what} id; ids are ${ID_SHAPES[kind]}.`)
}

/** Text matches on `id` are searches (the admin list searches `id` when a collection has no title), not ids. */
const SEARCHES = new Set(['like', 'not_like', 'contains'])

/**
 * Every operation: an id argument that is not an id answers 404 (GraphQL `Article(id:)`, Local
 * API calls), a filter value that should be an id and is not answers 400 naming where it sits.
 */
export const refuseMalformedIdArgs: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { id, where } = args as { id?: unknown; where?: unknown }
  if (id !== undefined) assertDocumentId(req.payload, collection.slug, id)
  const kindAt = (path: string, operator: string) => {
    const target = walkWherePath(req.payload, collection.slug, path).idsOf
    if (!target || (SEARCHES.has(operator) && path.split('.').pop() === 'id')) return undefined
    return idKindOf(req.payload, target)
  }
  const malformed = findMalformedId(where, kindAt)
  if (malformed) throw refuse(400, malformedIdMessage(malformed))
  return args
}

const ID_PARAM = /(^|\/):id(\?|\/|$)/
const guarded = new WeakSet<PayloadHandler>()

/**
 * Every endpoint of a collection with an `:id` in its path — Payload's own (`/:id`,
 * `/versions/:id`, `/:id/duplicate`…) and ours (`/:id/workflow`, `/:id/preview-link`) — answers
 * 404 for a malformed id before its handler runs. Payload's handlers parse the id leniently
 * (`1abc` is article 1), so the check reads the path as sent. Payload adds its endpoints when it
 * sanitizes the config, after plugins have run: they can only be wrapped once it has started.
 */
function guardIdRoutes(payload: Payload): void {
  for (const { config } of Object.values(payload.collections)) {
    if (!config.endpoints) continue
    config.endpoints = config.endpoints.map((endpoint) => {
      if (!ID_PARAM.test(endpoint.path) || guarded.has(endpoint.handler)) return endpoint
      const what = endpoint.path.startsWith('/versions/')
        ? `${nameOf(payload, config.slug)} version`
        : undefined
      const handler: PayloadHandler = (req) => {
        if (req.routeParams?.id !== undefined)
          assertDocumentId(payload, config.slug, req.routeParams.id, what)
        return endpoint.handler(req)
      }
      guarded.add(handler)
      return { ...endpoint, handler }
    })
  }
}

/**
 * A path Payload cannot percent-decode (`/api/articles/%E0%A4%A`) is the sender's mistake, not a
 * 500. Payload's router throws the URIError while matching the path, before any hook of ours, and
 * logs it at the level `loggingLevels` gives its name: info, one line, as for every refusal.
 */
export const refuseUndecodablePath: AfterErrorHook = ({ error, graphqlResult }) => {
  if (graphqlResult || !(error instanceof URIError)) return
  return {
    status: 400,
    response: { errors: [{ message: 'The URL is not valid percent-encoding.' }] },
  }
}

/**
 * Ids and relation values in paths, filters and arguments are checked before any database sees
 * them. Payload adds its own collections (jobs, preferences, locked documents) after plugins have
 * run: they get the check at start-up, first, after the plugins listed before this one added theirs.
 */
export const refuseMalformedIds: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseMalformedIdArgs, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
  hooks: {
    ...config.hooks,
    afterError: [...(config.hooks?.afterError ?? []), refuseUndecodablePath],
  },
  loggingLevels: { ...config.loggingLevels, URIError: 'info' },
  onInit: async (payload) => {
    guardIdRoutes(payload)
    await config.onInit?.(payload)
    for (const { config: collection } of Object.values(payload.collections)) {
      const hooks = (collection.hooks.beforeOperation ??= [])
      if (!hooks.includes(refuseMalformedIdArgs)) hooks.unshift(refuseMalformedIdArgs)
    }
  },
})
