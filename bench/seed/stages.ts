/** The bulky stages: articles (main row, latest version, audit events) and reader comments, in batches. */
import { buildArticle, type Id, type Newsroom, type SeedState } from './articles'
import { articleComments, commentCounts, type CommentDoc, type CommentStatus } from './comments'
import type { Random } from './random'
import type { SeedWriter } from './writer'

const ARTICLE_BATCH = 100
const COMMENT_BATCH = 2_000

export type WrittenArticle = {
  id: Id
  slug: string
  publishedAt?: number
  commentsEnabled: boolean
}

/** One transaction per batch of articles: their main rows, latest versions and audit events. */
export async function writeArticles(
  writer: SeedWriter,
  newsroom: Newsroom,
  states: SeedState[],
  { publishedAt, progress }: { publishedAt?: number[]; progress?: (done: number) => void } = {},
) {
  const articles: WrittenArticle[] = []
  const tags = new Set<string>()
  let events = 0
  for (let start = 0; start < states.length; start += ARTICLE_BATCH) {
    const batch = states.slice(start, start + ARTICLE_BATCH)
    const ids = await writer.ids('articles', batch.length)
    const built = batch.map((state, index) =>
      buildArticle(newsroom, ids[index], state, publishedAt?.[start + index]),
    )
    const batchEvents = built.flatMap((article) => article.events)
    const eventIds = await writer.ids('workflow-events', batchEvents.length)
    await writer.transaction(async (req) => {
      await writer.insertWithVersions(
        'articles',
        built.map(({ doc }) => doc),
        req,
      )
      await writer.insertMany(
        'workflow-events',
        batchEvents.map((event, index) => ({ ...event, id: eventIds[index] })),
        req,
      )
    })
    events += batchEvents.length
    for (const { doc } of built) {
      for (const tag of doc.tags as string[]) tags.add(tag)
      articles.push({
        id: doc.id,
        slug: doc.slug,
        publishedAt: doc.publishedAt ? Date.parse(doc.publishedAt as string) : undefined,
        commentsEnabled: doc.commentsEnabled === true,
      })
    }
    progress?.(start + batch.length)
  }
  return { articles, events, tags }
}

/** `total` comments over the published articles that take comments, a transaction per batch. */
export async function writeComments(
  writer: SeedWriter,
  random: Random,
  published: WrittenArticle[],
  {
    total,
    approvedShare,
    moderator,
    now,
  }: { total: number; approvedShare: number; moderator: Id; now: number },
) {
  const open = published.filter(
    (article) => article.commentsEnabled && article.publishedAt !== undefined,
  )
  const counts = commentCounts(random, open.length, open.length ? total : 0)
  const byStatus: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0 }
  const perArticle: { id: Id; slug: string; comments: number; approved: number }[] = []
  let replies = 0
  let pending: CommentDoc[] = []
  const flush = async () => {
    const batch = pending
    pending = []
    if (batch.length) await writer.transaction((req) => writer.insertMany('comments', batch, req))
  }
  for (const [index, article] of open.entries()) {
    if (!counts[index]) continue
    const ids = await writer.ids('comments', counts[index])
    const docs = articleComments(
      random,
      { id: article.id, publishedAt: article.publishedAt! },
      ids,
      { approvedShare, moderator, now },
    )
    let approved = 0
    for (const doc of docs) {
      byStatus[doc.status]++
      if (doc.parent !== null) replies++
      if (doc.status === 'approved') approved++
    }
    perArticle.push({ id: article.id, slug: article.slug, comments: docs.length, approved })
    pending.push(...docs)
    if (pending.length >= COMMENT_BATCH) await flush()
  }
  await flush()
  return { byStatus, replies, perArticle }
}
