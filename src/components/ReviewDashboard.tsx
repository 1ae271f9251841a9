import type { ServerProps } from 'payload'
import React from 'react'

import { isStaff } from '../access/roles'

const QUEUES = [
  { state: 'in_review', title: 'In review' },
  { state: 'changes_requested', title: 'Changes requested' },
  { state: 'approved', title: 'Approved, awaiting publication' },
  { state: 'scheduled', title: 'Scheduled' },
] as const

const SHOWN = 10

const Count = ({ n }: { n: number }) => (
  <span
    data-count={n}
    style={{
      background: 'var(--theme-elevation-150)',
      borderRadius: 10,
      fontSize: 12,
      padding: '1px 8px',
    }}
  >
    {n}
  </span>
)

/**
 * What a publisher opens first thing in the morning: the review queues and the comments waiting
 * for moderation, each row linking to its document. Queried with the viewer's own access, so a
 * contributor sees only their own articles and no comment queue.
 */
export async function ReviewDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const asViewer = {
    overrideAccess: false,
    user,
    depth: 0,
    limit: SHOWN,
    sort: '-updatedAt',
  } as const
  const queues = await Promise.all(
    QUEUES.map(async (queue) => ({
      ...queue,
      found: await payload.find({
        collection: 'articles',
        draft: true,
        where: { reviewState: { equals: queue.state } },
        ...asViewer,
      }),
    })),
  )
  const comments = isStaff(user)
    ? await payload.find({
        collection: 'comments',
        where: { status: { equals: 'pending' } },
        ...asViewer,
        depth: 1,
        sort: 'createdAt',
      })
    : null

  return (
    <section data-testid="review-dashboard" style={{ marginBottom: 32 }}>
      <h2 style={{ marginBottom: 16 }}>Review desk</h2>
      <div
        style={{
          display: 'grid',
          gap: 16,
          gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
        }}
      >
        {queues.map(({ state, title, found }) => (
          <div
            key={state}
            data-queue={state}
            style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 12 }}
          >
            <h4 style={{ margin: '0 0 8px' }}>
              {title} <Count n={found.totalDocs} />
            </h4>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {found.docs.map((article) => (
                <li key={article.id}>
                  <a href={`/admin/collections/articles/${article.id}`}>{article.title}</a>
                  {state === 'scheduled' && article.publishAt && (
                    <> — {new Date(article.publishAt).toUTCString()}</>
                  )}
                </li>
              ))}
              {found.totalDocs === 0 && <li>Nothing here.</li>}
              {found.totalDocs > SHOWN && <li>… and {found.totalDocs - SHOWN} more</li>}
            </ul>
          </div>
        ))}
        {comments && (
          <div
            data-queue="comments"
            style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 12 }}
          >
            <h4 style={{ margin: '0 0 8px' }}>
              Comments pending moderation <Count n={comments.totalDocs} />
            </h4>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {comments.docs.map((comment) => (
                <li key={comment.id}>
                  <a href={`/admin/collections/comments/${comment.id}`}>{comment.authorName}</a> on{' '}
                  {typeof comment.article === 'object'
                    ? comment.article?.title
                    : `article ${comment.article}`}
                </li>
              ))}
              {comments.totalDocs === 0 && <li>Nothing waiting.</li>}
            </ul>
          </div>
        )}
      </div>
    </section>
  )
}
