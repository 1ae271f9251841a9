import type { PayloadRequest } from 'payload'

import type { Article } from '../../payload-types'

export const PUBLISH_TASK = 'publishScheduledArticle'

export async function queueSchedule(
  req: PayloadRequest,
  articleId: Article['id'],
  publishAt: string,
) {
  const job = await req.payload.jobs.queue({
    task: PUBLISH_TASK,
    input: { articleId: String(articleId), publishAt },
    waitUntil: new Date(publishAt),
    req,
  })
  return job.id
}

/**
 * Cancels a pending schedule job, marking it as `payload.jobs.cancelByID` does but inside the
 * caller's transaction (cancelByID opens a transaction of its own, which cannot nest in SQLite).
 * The task also re-checks the article's state, so a job that still ran would change nothing.
 */
export async function cancelSchedule(
  req: PayloadRequest,
  jobId: string | null | undefined,
): Promise<void> {
  if (!jobId) return
  await req.payload.db.updateOne({
    collection: 'payload-jobs',
    id: jobId,
    data: {
      completedAt: null,
      error: { cancelled: true },
      hasError: true,
      processing: false,
      waitUntil: null,
    },
    req,
    returning: false,
  })
}
