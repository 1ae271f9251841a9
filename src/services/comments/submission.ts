import type { PayloadRequest } from 'payload'

import { ARTICLES, COMMENTS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import { refuse } from '../../lib/refuse'
import type { Article } from '../../payload-types'
import { DUPLICATE_WINDOW_MS, type Submitter } from './rules'

const SUBMITTER = 'newsroom:commentSubmitter'

/** Remembers, for the hooks of this create, who submits the comment (decided where overrideAccess is known). */
export const rememberSubmitter = (req: PayloadRequest, submitter: Submitter): void => {
  req.context[SUBMITTER] = submitter
}

/** Unknown means untrusted. */
export const submitterOf = (req: PayloadRequest): Submitter =>
  (req.context[SUBMITTER] as Submitter | undefined) ?? 'reader'

/**
 * The article a new comment is for: it must exist, be published (an unpublished one is
 * indistinguishable from a missing one: 404) and accept comments (403).
 */
export async function commentableArticle(
  req: PayloadRequest,
  id: string | number,
): Promise<Article> {
  const article = await req.payload
    .findByID({
      collection: ARTICLES,
      id,
      req,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    .catch(() => null)
  if (!article || article._status !== 'published') {
    throw refuse(404, 'No published article with that id: comments go on published articles only.')
  }
  if (article.commentsEnabled === false) throw refuse(403, 'Comments are closed on this article.')
  return article
}

/** Whether `parentId` is a comment on `articleId` that is approved (when `approvedOnly`). */
export async function isReplyTarget(
  req: PayloadRequest,
  parentId: string | number,
  articleId: string | number,
  { approvedOnly }: { approvedOnly: boolean },
): Promise<boolean> {
  const parent = await req.payload
    .findByID({
      collection: COMMENTS,
      id: parentId,
      req,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    .catch(() => null)
  if (!parent || String(idOf(parent.article)) !== String(articleId)) return false
  return !approvedOnly || parent.status === 'approved'
}

/** Whether the same sender posted the same text in the last 24 hours (whatever became of it). */
export async function postedRecently(
  req: PayloadRequest,
  hash: string,
  body: string,
): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: COMMENTS,
    where: {
      and: [
        { senderHash: { equals: hash } },
        { body: { equals: body } },
        { createdAt: { greater_than: new Date(Date.now() - DUPLICATE_WINDOW_MS).toISOString() } },
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}
