import type { ThreadedComment } from '../../lib/threadComments'
import type { Article } from '../../payload-types'

/** At most this many approved comments come with an article page. */
export const MAX_COMMENTS = 1000

/** GET /api/public/articles/:slug: the published article at depth 1 and its approved comments, threaded. */
export type PublicArticle = Article & { comments: ThreadedComment[] }
