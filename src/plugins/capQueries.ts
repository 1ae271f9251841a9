import type { Plugin } from 'payload'

import { capPublicQueries } from '../hooks/capPublicQueries'

/** Every collection's queries are bounded (page size, depth, filter shape) before its own hooks run. */
export const capQueries: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [capPublicQueries, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
