import {
  headersWithCors,
  parseParams,
  restoreVersionOperation,
  type Endpoint,
  type PayloadRequest,
} from 'payload'

import { ARTICLES } from '../collections/slugs'
import { inTransaction } from '../db/transaction'
import { refuse } from '../lib/refuse'
import type { ReviewState } from '../workflow'
import { restoredMessage } from '../workflow/restore'

/**
 * POST /api/articles/versions/:id, in place of Payload's own: a restore is always saved as a new
 * draft revision, whatever `?draft=` says (the admin's "Restore this version" sends
 * `draft=false`, which would overwrite the live article), and goes through review like any edit.
 * The answer's `message` says where that leaves the article; the admin shows it as its toast.
 */
export const restoreArticleVersion: Endpoint = {
  path: '/versions/:id',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw refuse(401, 'Log in to restore a version.')
    const { depth, populate } = parseParams(req.query)
    const versionId = String(req.routeParams?.id ?? '')
    const { doc, message } = await inTransaction(req, async () => {
      const before = await stateOfVersionParent(req, versionId)
      const restored = await restoreVersionOperation({
        id: versionId,
        collection: req.payload.collections[ARTICLES],
        depth,
        draft: true,
        populate,
        req,
      })
      const live = await req.payload.count({
        collection: ARTICLES,
        where: { and: [{ id: { equals: restored.id } }, { _status: { equals: 'published' } }] },
        req,
      })
      const to = (restored.reviewState ?? 'draft') as ReviewState
      const from = before ?? to
      return { doc: restored, message: restoredMessage({ from, to, live: live.totalDocs > 0 }) }
    })
    // Shaped as Payload's own answer: the document, and a message.
    return Response.json(
      { ...doc, message },
      { headers: headersWithCors({ headers: new Headers(), req }) },
    )
  },
}

/** The review state of the article a version belongs to, before the restore. */
async function stateOfVersionParent(
  req: PayloadRequest,
  versionId: string,
): Promise<ReviewState | undefined> {
  const { docs } = await req.payload.db.findVersions({
    collection: ARTICLES,
    where: { id: { equals: versionId } },
    limit: 1,
    pagination: false,
    req,
  })
  const parent = docs[0]?.parent
  if (parent === undefined) return undefined
  const article = await req.payload
    .findByID({ collection: ARTICLES, id: parent, draft: true, depth: 0, req })
    .catch(() => null)
  return (article?.reviewState ?? undefined) as ReviewState | undefined
}
