import type { Plugin } from 'payload'

import { refuseForbiddenDataKeys } from '../hooks/refuseForbiddenDataKeys'

/** Every collection refuses `__proto__`, `constructor` and `prototype` keys in its data, before any other hook reads it. */
export const refuseForbiddenKeys: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseForbiddenDataKeys, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
