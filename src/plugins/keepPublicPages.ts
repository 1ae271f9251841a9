import type { Plugin } from 'payload'

import { ARTICLES, AUTHORS, MEDIA, SOURCES } from '../collections/slugs'
import { keepPublicPagesOnChange, keepPublicPagesOnDelete } from '../hooks/keepPublicPages'

/** The collections a public page shows: articles (and those they link to), authors, sources, media. */
const SHOWN = new Set<string>([ARTICLES, AUTHORS, SOURCES, MEDIA])

/** Keeps the public read model in step with every change to what it shows, after the collection's own hooks. */
export const keepPublicPages: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) =>
    SHOWN.has(collection.slug)
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), keepPublicPagesOnChange],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), keepPublicPagesOnDelete],
          },
        }
      : collection,
  ),
})
