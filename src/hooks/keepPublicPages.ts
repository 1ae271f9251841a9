import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { ARTICLES } from '../collections/slugs'
import { embedKey } from '../services/publicPages/embeds'
import { articlesEmbedding } from '../services/publicPages/render'
import { queuePublicPages } from '../services/publicPages/task'

type Doc = { id: number | string; _status?: string | null }

/**
 * Which public pages a saved or deleted document changes: an article's own (when it is or was
 * live: publish, scheduled publish, unpublish, an edit republished), and every page that embeds
 * the document (an author, a source, an image, a linked article). Queued in the transaction of the
 * change (src/services/publicPages/task.ts).
 */
async function affected(req: PayloadRequest, collection: string, doc: Doc, previous?: Doc) {
  const embedding = await articlesEmbedding(req.payload, embedKey(collection, doc.id)!)
  const own =
    collection === ARTICLES && (doc._status === 'published' || previous?._status === 'published')
  return own ? [doc.id, ...embedding] : embedding
}

export const keepPublicPagesOnChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  await queuePublicPages(req, await affected(req, collection.slug, doc, previousDoc))
  return doc
}

export const keepPublicPagesOnDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  req,
}) => {
  await queuePublicPages(req, await affected(req, collection.slug, doc, doc))
}
