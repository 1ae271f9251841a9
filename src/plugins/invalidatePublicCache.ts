import type { Plugin } from 'payload'

import {
  invalidatePublicResponsesOnChange,
  invalidatePublicResponsesOnDelete,
} from '../hooks/invalidatePublicResponses'

/**
 * Every save or delete that can change a public answer empties the response cache, after the
 * collection's own hooks; again after commit (src/db/afterCommit.ts).
 */
export const invalidatePublicCache: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), invalidatePublicResponsesOnChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), invalidatePublicResponsesOnDelete],
    },
  })),
})
