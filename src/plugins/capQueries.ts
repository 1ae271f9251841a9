import type { CollectionBeforeOperationHook, Plugin, Where } from 'payload'

import { capPublicQueries } from '../hooks/capPublicQueries'
import { walkWherePath } from '../lib/relationHops'
import { assertSupportedFilter } from '../lib/whereShape'

/**
 * A filter from a request (REST, GraphQL, Local API without overrideAccess) that the database
 * cannot run answers 400 naming the condition, not the adapter's 500. Trusted server code
 * (overrideAccess) is not second-guessed: its mistakes are bugs, and stay 500s.
 */
export const refuseUnsupportedFilters: CollectionBeforeOperationHook = ({
  args,
  collection,
  req,
}) => {
  const { overrideAccess, where } = args as { overrideAccess?: boolean; where?: Where }
  if (overrideAccess || !where) return args
  const { payload } = req
  assertSupportedFilter(
    where,
    (path) => walkWherePath(payload, collection.slug, path),
    payload.db.name === 'mongoose'
      ? 'mongodb'
      : payload.db.name === 'postgres'
        ? 'postgres'
        : 'sqlite',
  )
  return args
}

/**
 * Every collection's queries are bounded (page size, depth, filter shape) and refused when the
 * database cannot run them, before its own hooks run. Payload adds its own collections (jobs,
 * preferences, locked documents) after plugins have run: their filters are checked from start-up.
 */
export const capQueries: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        capPublicQueries,
        refuseUnsupportedFilters,
        ...(collection.hooks?.beforeOperation ?? []),
      ],
    },
  })),
  onInit: async (payload) => {
    for (const { config: collection } of Object.values(payload.collections)) {
      const hooks = (collection.hooks.beforeOperation ??= [])
      if (!hooks.includes(refuseUnsupportedFilters)) hooks.unshift(refuseUnsupportedFilters)
    }
    await config.onInit?.(payload)
  },
})
