import type { Endpoint } from 'payload'

import { refuse } from '../lib/refuse'
import { readPublicArticle } from '../services/publicPages/read'

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
    const article = await readPublicArticle(req.payload, slug)
    if (!article) throw refuse(404, `No published article with the slug ${JSON.stringify(slug)}.`)
    return Response.json(article)
  },
}
