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
 * Which public pages a saved or deleted document changes, queued in the transaction of the change
 * (src/services/publicPages/task.ts): every page that embeds it (an author, a source, an image, a
 * linked article) and, for an article, its own. An article changes pages only when its public
 * version may have changed: a save that publishes it (a publish, a scheduled publish, an edit
 * republished) or any workflow transition (unpublish among them; the others render it unchanged).
 * A draft saved over a live article, an autosave, leaves every page as it was.
 */
async function affected(req: PayloadRequest, collection: string, doc: Doc, changed: boolean) {
  if (collection === ARTICLES && !changed) return []
  const embedding = await articlesEmbedding(req.payload, embedKey(collection, doc.id)!)
  return collection === ARTICLES ? [doc.id, ...embedding] : embedding
}

const publicVersionMayChange = (doc: Doc, context: RequestContext) =>
  doc._status === 'published' || isTransition(context)

export const keepPublicPagesOnChange: CollectionAfterChangeHook = async ({
  collection,
  context,
  doc,
  req,
}) => {
  const changed = publicVersionMayChange(doc, context)
  await queuePublicPages(req, await affected(req, collection.slug, doc, changed))
  return doc
}

export const keepPublicPagesOnDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  req,
}) => {
  await queuePublicPages(req, await affected(req, collection.slug, doc, true))
}
