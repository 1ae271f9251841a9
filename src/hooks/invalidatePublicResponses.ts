import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { ARTICLES, COMMENTS, WORKFLOW_EVENTS } from '../collections/slugs'
import { afterCommit } from '../db/afterCommit'
import { publicResponses, stampPublicChange } from '../services/publicCache'

type Doc = Record<string, unknown> | undefined

/**
 * Which saves can change what an anonymous reader gets back. An article matters when it is or was
 * live (publish, unpublish, edits of a live one); a comment when it is or was approved. Every
 * change of authors, sources, media and users matters (they appear in public articles). The audit
 * trail never does.
 */
const MATTERS: Record<string, (doc: Doc, previousDoc: Doc) => boolean> = {
  [ARTICLES]: (doc, previous) => doc?._status === 'published' || previous?._status === 'published',
  [COMMENTS]: (doc, previous) => doc?.status === 'approved' || previous?.status === 'approved',
  [WORKFLOW_EVENTS]: () => false,
}

const matters = (collection: string, doc: Doc, previousDoc: Doc): boolean =>
  (MATTERS[collection] ?? (() => true))(doc, previousDoc)

/**
 * Empties the response cache at once and again when the write's transaction commits: a read that
 * ran in between saw the old, still committed data, and must not survive the commit. Other
 * instances hear of it through the shared stamp, written after the commit once the public pages it
 * changes are rendered (their render, queued by an earlier hook, runs first).
 */
async function invalidate(req: PayloadRequest): Promise<void> {
  const cache = publicResponses()
  cache?.invalidate()
  await afterCommit(req, async () => {
    cache?.invalidate()
    await stampPublicChange(req.payload)
  })
}

export const invalidatePublicResponsesOnChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  if (matters(collection.slug, doc, previousDoc)) await invalidate(req)
  return doc
}

export const invalidatePublicResponsesOnDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  req,
}) => {
  if (matters(collection.slug, doc, doc)) await invalidate(req)
}
