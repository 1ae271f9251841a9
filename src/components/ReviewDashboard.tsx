import { Pill } from '@payloadcms/ui'
import type { PaginatedDocs, ServerProps } from 'payload'
import React from 'react'

import { isStaff } from '../access/roles'
import { formatAdminDate, formatAge } from '../lib/dates'
import type { Article, Comment } from '../payload-types'
import { factsOf } from '../services/workflow/facts'
import { decide, TRANSITIONS } from '../workflow'
import { LocalTime } from './LocalTime'
import { ModerationButtons } from './moderation/ModerationButtons'

const QUEUES = [
  { state: 'in_review', title: 'In review' },
  { state: 'changes_requested', title: 'Changes requested' },
  { state: 'approved', title: 'Approved, awaiting publication' },
  { state: 'scheduled', title: 'Scheduled' },
] as const

const SHOWN = 10
const PENDING_COMMENTS = '/admin/collections/comments?where[status][equals]=pending'

const Count = ({ n }: { n: number }) => (
  <Pill size="small" pillStyle={n ? 'light' : 'light-gray'}>
    <span data-count={n}>{n}</span>
  </Pill>
)

/**
 * Why the signed-in publisher may not approve an article in review (four-eyes, or what it still
 * lacks), from the same rules the server applies; null when they may, or are not a publisher.
 */
function approvalBlock(article: Article, user: ServerProps['user']): string | null {
  if (!user || !TRANSITIONS.approve.roles.some((role) => user.roles?.includes(role))) return null
  const authorUsers = (article.authors ?? []).map((author) =>
    typeof author === 'object' ? author.user : undefined,
  )
  const decision = decide(
    factsOf(article, authorUsers, false),
    { id: user.id, roles: user.roles ?? [] },
    { action: 'approve', now: new Date() },
  )
  return decision.ok ? null : (decision.reason ?? decision.message)
}

const ArticleRow = ({ article, user }: { article: Article; user: ServerProps['user'] }) => {
  const blocked = article.reviewState === 'in_review' ? approvalBlock(article, user) : null
  return (
    <li className="review-desk__item" data-article={article.id}>
      <a href={`/admin/collections/articles/${article.id}`}>{article.title}</a>
      {article.reviewState === 'scheduled' && article.publishAt && (
        <span className="review-desk__meta">
          <LocalTime value={article.publishAt} />
        </span>
      )}
      {blocked && (
        <span className="review-desk__blocked" data-cannot-approve title={blocked}>
          <Pill pillStyle="warning" size="small">
            Not yours to approve
          </Pill>{' '}
          <span className="review-desk__meta">{blocked}</span>
        </span>
      )}
    </li>
  )
}

const Queue = ({
  state,
  title,
  found,
  user,
}: {
  state: string
  title: string
  found: PaginatedDocs<Article>
  user: ServerProps['user']
}) => (
  <section className="review-desk__queue" data-queue={state}>
    <h4>
      {title} <Count n={found.totalDocs} />
    </h4>
    <ul>
      {found.docs.map((article) => (
        <ArticleRow key={article.id} article={article} user={user} />
      ))}
      {found.totalDocs === 0 && <li className="review-desk__meta">Nothing here.</li>}
      {found.totalDocs > SHOWN && (
        <li className="review-desk__meta">… and {found.totalDocs - SHOWN} more</li>
      )}
    </ul>
  </section>
)

/** A pending comment: a line of it, its article, who wrote it, how long it has waited, the verdicts. */
const CommentRow = ({ comment }: { comment: Comment }) => {
  const article = typeof comment.article === 'object' ? comment.article : null
  return (
    <tr data-comment={comment.id}>
      <td>
        <a
          className="comment-line"
          href={`/admin/collections/comments/${comment.id}`}
          title={comment.body}
        >
          {comment.body}
        </a>
      </td>
      <td>
        {article ? <a href={`/admin/collections/articles/${article.id}`}>{article.title}</a> : '—'}
      </td>
      <td>{comment.authorName}</td>
      <td>
        <time dateTime={comment.createdAt} title={formatAdminDate(comment.createdAt)}>
          {formatAge(comment.createdAt)}
        </time>
      </td>
      <td>
        <ModerationButtons id={comment.id} status={comment.status} who={comment.authorName} />
      </td>
    </tr>
  )
}

/** The comments waiting for a verdict: a line of each, its article, who wrote it and when. */
const PendingComments = ({ found }: { found: PaginatedDocs<Comment> }) => (
  <section className="review-desk__queue review-desk__comments" data-queue="comments">
    <h4>
      Comments pending moderation <Count n={found.totalDocs} />
    </h4>
    {found.totalDocs === 0 ? (
      <p className="review-desk__meta">Nothing waiting.</p>
    ) : (
      <div className="table">
        <table>
          <thead>
            <tr>
              <th>Comment</th>
              <th>Article</th>
              <th>Author</th>
              <th>Received</th>
              <th>Moderate</th>
            </tr>
          </thead>
          <tbody>
            {found.docs.map((comment) => (
              <CommentRow key={comment.id} comment={comment} />
            ))}
          </tbody>
        </table>
      </div>
    )}
    {found.totalDocs > SHOWN && (
      <p className="review-desk__meta">
        … and {found.totalDocs - SHOWN} more: <a href={PENDING_COMMENTS}>all pending comments</a>
      </p>
    )}
  </section>
)

/**
 * What a publisher opens first thing in the morning: the review queues (marking what the
 * signed-in publisher may not approve, and why) and the comments waiting for moderation, with
 * their verdicts one click away. Queried with the viewer's own access, so a contributor sees only
 * their own articles and no comment queue.
 */
export async function ReviewDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const asViewer = { overrideAccess: false, user, limit: SHOWN } as const
  const queues = await Promise.all(
    QUEUES.map(async (queue) => ({
      ...queue,
      found: await payload.find({
        collection: 'articles',
        draft: true,
        where: { reviewState: { equals: queue.state } },
        // The authors' accounts, for the four-eyes mark.
        depth: queue.state === 'in_review' ? 1 : 0,
        sort: '-updatedAt',
        ...asViewer,
      }),
    })),
  )
  const comments = isStaff(user)
    ? await payload.find({
        collection: 'comments',
        where: { status: { equals: 'pending' } },
        depth: 1,
        populate: { articles: { title: true } },
        sort: 'createdAt',
        ...asViewer,
      })
    : null

  return (
    <section data-testid="review-dashboard" className="review-desk">
      <h2>Review desk</h2>
      <div className="review-desk__queues">
        {queues.map((queue) => (
          <Queue key={queue.state} {...queue} user={user} />
        ))}
      </div>
      {comments && <PendingComments found={comments} />}
    </section>
  )
}
