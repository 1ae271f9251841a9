import type { Endpoint } from 'payload'

import { ARTICLES, COMMENTS } from '../collections/slugs'
import { refuse } from '../lib/refuse'
import { threadComments, type FlatComment } from '../lib/threadComments'

const MAX_COMMENTS = 1000

/**
 * GET /api/public/articles/:slug — what an article page needs in one request: the published
 * article with its authors, sources and media, and its approved comments threaded. Always the
 * public view, whoever asks (no drafts, no workflow internals, no commenter emails).
 */
export const publicArticle: Endpoint = {
  path: '/public/articles/:slug',
  method: 'get',
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    const { payload } = req
    const { docs } = await payload.find({
      collection: ARTICLES,
      where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
      depth: 1,
      limit: 1,
      overrideAccess: false,
    })
    const article = docs[0]
    if (!article) throw refuse(404, `No published article with the slug ${JSON.stringify(slug)}.`)
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
    return Response.json({ ...article, comments: threadComments(comments.docs as FlatComment[]) })
  },
}
