import type { Endpoint } from 'payload'

import { listQueryOf } from '../services/publicPages/query'
import { listPublicArticles } from '../services/publicPages/read'

/**
 * GET /api/public/articles — a page of published articles, newest first, as a front page or an
 * archive lists them: title, slug, standfirst, publication date, hero image and authors (name,
 * slug). `?author=<slug>`, `?source=<slug>`, `?tag=<tag>` filter; `?limit=` (≤ 100) and `?page=`
 * page. Always the public view, whoever asks.
 */
export const publicArticles: Endpoint = {
  path: '/public/articles',
  method: 'get',
  handler: async (req) => {
    const query = listQueryOf((req.query ?? {}) as Record<string, unknown>)
    return Response.json(await listPublicArticles(req.payload, query))
  },
}
