import type { PayloadRequest } from 'payload'

import { ARTICLES, AUTHORS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import { refuse } from '../../lib/refuse'
import { assertDocumentId } from '../../plugins/refuseMalformedIds'
import type { Article } from '../../payload-types'
import { submitProblems, type ArticleFacts, type ReviewState } from '../../workflow'

export type LoadedArticle = { article: Article; facts: ArticleFacts }

/**
 * Loads the latest version of an article as the current user may see it (404 otherwise), and
 * what the workflow rules need to know about it.
 */
export async function loadArticle(
  req: PayloadRequest,
  id: string | number,
): Promise<LoadedArticle> {
  // Before the lookup below, which answers every failure "no article you can see".
  assertDocumentId(req.payload, ARTICLES, id)
  const article = await req.payload
    .findByID({
      collection: ARTICLES,
      id,
      draft: true,
      depth: 0,
      req,
      overrideAccess: false,
      user: req.user,
    })
    .catch(() => null)
  if (!article) throw refuse(404, `No article with id ${JSON.stringify(id)} that you can see.`)

  const authorIds = (article.authors ?? []).map(idOf).filter((x) => x !== undefined)
  const { docs: authors } = await req.payload.find({
    collection: AUTHORS,
    where: { id: { in: authorIds } },
    depth: 0,
    limit: authorIds.length || 1,
    pagination: false,
    req,
  })
  const live = await req.payload.count({
    collection: ARTICLES,
    where: { and: [{ id: { equals: article.id } }, { _status: { equals: 'published' } }] },
    req,
  })
  return {
    article,
    facts: {
      state: (article.reviewState ?? 'draft') as ReviewState,
      authorUserIds: authors
        .map((author) => idOf(author.user))
        .filter((x): x is number | string => x !== undefined && x !== null),
      submittedBy: idOf(article.submittedBy) ?? null,
      editedSinceSubmit: (article.editedSinceSubmit ?? [])
        .map(idOf)
        .filter((x): x is number | string => x !== undefined),
      missing: submitProblems(article),
      live: live.totalDocs > 0,
    },
  }
}
