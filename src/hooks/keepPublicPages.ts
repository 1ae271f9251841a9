import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  PayloadRequest,
  RequestContext,
} from 'payload'

import { ARTICLES } from '../collections/slugs'
import { embedKey } from '../services/publicPages/embeds'
import { articlesEmbedding } from '../services/publicPages/render'
import { queuePublicPages } from '../services/publicPages/task'
import { isTransition } from '../services/workflow/context'

type Doc = { id: number | string; _status?: string | null }

/**
 * Which public pages a saved or deleted document changes: an article's own when `ownPage` says
 * so, and every page that embeds the document (an author, a source, an image, a linked article).
 * Queued in the transaction of the change (src/services/publicPages/task.ts).
 */
async function affected(req: PayloadRequest, collection: string, doc: Doc, ownPage: boolean) {
  const embedding = await articlesEmbedding(req.payload, embedKey(collection, doc.id)!)
  return collection === ARTICLES && ownPage ? [doc.id, ...embedding] : embedding
}

/**
 * An article's own page changes when a save publishes it (a publish, a scheduled publish, an edit
 * republished) or the workflow takes it down (unpublish). A draft saved over a live article
 * leaves the public version, and its page, as they were.
 */
const changesOwnPage = (doc: Doc, previous: Doc | undefined, context: RequestContext) =>
  doc._status === 'published' || (previous?._status === 'published' && isTransition(context))

export const keepPublicPagesOnChange: CollectionAfterChangeHook = async ({
  collection,
  context,
  doc,
  previousDoc,
  req,
}) => {
  const own = changesOwnPage(doc, previousDoc, context)
  await queuePublicPages(req, await affected(req, collection.slug, doc, own))
  return doc
}

export const keepPublicPagesOnDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  req,
}) => {
  await queuePublicPages(req, await affected(req, collection.slug, doc, true))
}
