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
  const authorUsers = authors.map((author) => author.user)
  return { article, facts: factsOf(article, authorUsers, live.totalDocs > 0) }
}

/**
 * What the workflow rules need to know about an article (any depth): its state, the accounts
 * behind its authors, who submitted and who edited it since, what it lacks, and whether it is live.
 */
export function factsOf(
  article: Article,
  authorUsers: readonly unknown[],
  live: boolean,
): ArticleFacts {
  const ids = (values: readonly unknown[]) =>
    values.map(idOf).filter((x): x is number | string => x !== undefined && x !== null)
  return {
    state: (article.reviewState ?? 'draft') as ReviewState,
    authorUserIds: ids(authorUsers),
    submittedBy: idOf(article.submittedBy) ?? null,
    editedSinceSubmit: ids(article.editedSinceSubmit ?? []),
    missing: submitProblems(article),
    live,
  }
}
