import type { Payload } from 'payload'

import { ARTICLES, COMMENTS } from '../../collections/slugs'
import { threadComments, type FlatComment } from '../../lib/threadComments'
import { MAX_COMMENTS, type PublicArticle } from './types'

/** The article page through Payload's Local API with the public's access: works on every adapter. */
export async function readThroughPayload(
  payload: Payload,
  slug: string,
): Promise<PublicArticle | null> {
  const { docs } = await payload.find({
    collection: ARTICLES,
    where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    depth: 1,
    limit: 1,
    overrideAccess: false,
  })
  const article = docs[0]
  if (!article) return null
  const comments = await payload.find({
    collection: COMMENTS,
    // The article is published, so its approved comments are public; only public fields are selected.
    where: { and: [{ article: { equals: article.id } }, { status: { equals: 'approved' } }] },
    select: { parent: true, authorName: true, body: true, createdAt: true },
    sort: 'createdAt',
    depth: 0,
    limit: MAX_COMMENTS,
    // No count query: the page shows the comments, not a total.
    pagination: false,
  })
  return { ...article, comments: threadComments(comments.docs as FlatComment[]) }
}
