import type { CollectionConfig } from 'payload'

import { nobody } from '../access/nobody'
import { PUBLIC_LISTINGS, PUBLIC_PAGES } from './slugs'

/**
 * The public read model (src/services/publicPages): what an anonymous reader gets, rendered by
 * Payload itself when an article or something it embeds changes, and stored ready to serve. Written
 * and read by the server only; the public reads it through /api/public/… and the public GraphQL
 * queries, never through these collections' own APIs.
 */
const serverOnly = { read: nobody, create: nobody, update: nobody, delete: nobody }
const admin = { hidden: true }
// Nobody edits them, so nothing to lock.
const lockDocuments = false

/** One published article's page: the article as an anonymous reader gets it, at depth 1. */
export const PublicPages: CollectionConfig = {
  slug: PUBLIC_PAGES,
  access: serverOnly,
  admin,
  lockDocuments,
  fields: [
    { name: 'article', type: 'text', required: true, unique: true },
    { name: 'slug', type: 'text', required: true, unique: true },
    {
      // `<collection>:<id>` of every document the page shows (authors, sources, media, linked
      // articles): a change to one of them renders exactly these pages again.
      name: 'embeds',
      type: 'text',
      hasMany: true,
      index: true,
    },
    { name: 'document', type: 'json', required: true },
  ],
}

/**
 * One line of a public list: an article's card in one list (`all`, `author:<slug>`,
 * `source:<slug>` or `tag:<tag>`). A list page is one range of the (list, publishedAt) index.
 */
export const PublicListings: CollectionConfig = {
  slug: PUBLIC_LISTINGS,
  access: serverOnly,
  admin,
  lockDocuments,
  indexes: [{ fields: ['list', 'publishedAt'] }],
  fields: [
    { name: 'list', type: 'text', required: true },
    { name: 'article', type: 'text', required: true, index: true },
    { name: 'publishedAt', type: 'date', required: true },
    // Every list the article is on, for a page filtered two ways at once (author and tag…).
    { name: 'lists', type: 'json', required: true },
    { name: 'card', type: 'json', required: true },
  ],
}
