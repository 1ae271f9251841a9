/**
 * Reader comments as moderation leaves them: statuses in the seed's proportions, replies to
 * earlier approved comments on the same article, moderation fields set where a moderator acted.
 * Pure: ids, dates and the moderator come in.
 */
import { COMMENT_STATUSES } from '../../src/services/comments/statuses'
import type { Id } from './articles'
import { commentText } from './content'
import type { Random } from './random'

export type CommentStatus = (typeof COMMENT_STATUSES)[number]
export type CommentDoc = Record<string, unknown> & { id: Id; status: CommentStatus }

/** Comments per article: a long tail (most articles get a few, some get hundreds), summing to `total`. */
export function commentCounts(
  random: Random,
  articles: number,
  total: number,
  max = 1000,
): number[] {
  if (!articles) return []
  const weights = Array.from({ length: articles }, () => (1 - random.next()) ** -0.6)
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = weights.map((w) => Math.min(max, Math.floor((total * w) / sum)))
  let left = total - counts.reduce((a, b) => a + b, 0)
  for (let guard = 0; left > 0 && guard < total * 10; guard++) {
    const index = Math.floor(random.next() * articles)
    if (counts[index] < max) {
      counts[index]++
      left--
    }
  }
  return counts
}

function statusFor(random: Random, approvedShare: number): CommentStatus {
  const roll = random.next()
  if (roll < approvedShare) return 'approved'
  // The rest: pending 40 %, spam 35 %, rejected 25 %.
  const rest = (roll - approvedShare) / (1 - approvedShare)
  return rest < 0.4 ? 'pending' : rest < 0.75 ? 'spam' : 'rejected'
}

const SPAM = [
  'Cheap flights this week only https://deals.example www.deals.example https://more-deals.example',
  'Earn from home!!! https://money.example https://money.example/join www.money.example',
]

/**
 * The comments of one published article, oldest first, over the month after publication.
 * A quarter are replies to an earlier approved comment; spam carries the links that get a
 * reader's comment flagged.
 */
export function articleComments(
  random: Random,
  article: { id: Id; publishedAt: number },
  ids: Id[],
  { approvedShare, moderator, now }: { approvedShare: number; moderator: Id; now: number },
): CommentDoc[] {
  const window = Math.max(60_000, Math.min(30 * 86_400_000, now - article.publishedAt))
  const times = ids
    .map(() => article.publishedAt + Math.floor(random.next() * window))
    .sort((a, b) => a - b)
  const approved: Id[] = []
  return ids.map((id, index) => {
    const status = statusFor(random, approvedShare)
    const { authorName, body } = commentText(random)
    const parent = approved.length && random.chance(0.25) ? random.pick(approved) : null
    if (status === 'approved') approved.push(id)
    const at = new Date(times[index]).toISOString()
    const moderated = status === 'approved' || status === 'rejected'
    const moderatedAt = new Date(
      Math.min(now, times[index] + 5 * 60_000 + Math.floor(random.next() * 12 * 3_600_000)),
    ).toISOString()
    return {
      id,
      article: article.id,
      parent,
      authorName,
      authorEmail: `${authorName
        .toLowerCase()
        .replace(/[^a-z]+/g, '.')
        .replace(/\.+$/, '')}.${index}@example.org`,
      body: status === 'spam' ? random.pick(SPAM) : body,
      status,
      moderatedBy: moderated ? moderator : null,
      moderatedAt: moderated ? moderatedAt : null,
      senderHash: null,
      createdAt: at,
      updatedAt: moderated ? moderatedAt : at,
    }
  })
}
