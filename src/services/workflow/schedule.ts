import { createLocalReq, type Payload, type PayloadRequest, type TaskConfig } from 'payload'

import { ARTICLES } from '../../collections/slugs'
import type { Article } from '../../payload-types'
import { contentHash } from '../../workflow'
import { liveVersion, queueWebhooks, webhookEventFor } from '../webhooks'
import { transitionContext } from './context'
import { recordEvent } from './events'
import { notifyTransition } from './notify'

export const PUBLISH_TASK = 'publishScheduledArticle'

export async function queueSchedule(req: PayloadRequest, articleId: Article['id'], publishAt: string) {
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
export async function cancelSchedule(req: PayloadRequest, jobId: string | null | undefined): Promise<void> {
  if (!jobId) return
  await req.payload.db.updateOne({
    collection: 'payload-jobs',
    id: jobId,
    data: { completedAt: null, error: { cancelled: true }, hasError: true, processing: false, waitUntil: null },
    req,
    returning: false,
  })
}

/**
 * Publishes a scheduled article when its time comes, in its own transaction. Does nothing if the
 * schedule was cancelled or changed meanwhile. A failure leaves the article "scheduled" with the
 * error on it and an audit event, and fails the job.
 */
export async function publishScheduled(
  payload: Payload,
  input: { articleId: string; publishAt: string },
): Promise<'published' | 'skipped'> {
  const { applyTransition, inTransaction } = await import('./transition')
  const req = await createLocalReq({ context: transitionContext() }, payload)
  try {
    const result = await inTransaction(req, async () => {
      const article = await payload.findByID({ collection: ARTICLES, id: input.articleId, draft: true, depth: 0, req, disableErrors: true })
      const due = article?.reviewState === 'scheduled' && article.publishAt && Date.parse(article.publishAt) === Date.parse(input.publishAt)
      if (!article || !due) return { skipped: true as const }
      // A scheduled revision of a live article replaces it: frontends hear "updated", not "published".
      const wasLive = Boolean(await liveVersion(req, article.id))
      return {
        skipped: false as const,
        wasLive,
        ...(await applyTransition(req, article, { action: 'scheduled_publish', from: 'scheduled', to: 'published' })),
      }
    })
    if (result.skipped) return 'skipped'
    void notifyTransition(payload, { action: 'scheduled_publish', article: result.doc })
    const webhook = webhookEventFor('scheduled_publish', result.wasLive)
    if (webhook) await queueWebhooks(req, webhook, result.doc)
    return 'published'
  } catch (error) {
    await recordFailure(payload, input.articleId, error)
    throw error
  }
}

async function recordFailure(payload: Payload, articleId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  const req = await createLocalReq({ context: transitionContext() }, payload)
  const { inTransaction } = await import('./transition')
  await inTransaction(req, async () => {
    const article = await payload.findByID({ collection: ARTICLES, id: articleId, draft: true, depth: 0, req, disableErrors: true })
    if (!article) return
    await payload.update({
      collection: ARTICLES,
      id: articleId,
      data: { scheduleError: message },
      draft: true,
      depth: 0,
      context: transitionContext(),
      req,
    })
    await recordEvent(req, {
      article: article.id,
      action: 'schedule_failed',
      from: 'scheduled',
      to: 'scheduled',
      note: message,
      doc: article,
      system: true,
    })
  }).catch((failure) => payload.logger.error({ err: failure, msg: `Could not record the failed schedule of article ${articleId}` }))
}

export const publishScheduledTask: TaskConfig<typeof PUBLISH_TASK> = {
  slug: PUBLISH_TASK,
  inputSchema: [
    { name: 'articleId', type: 'text', required: true },
    { name: 'publishAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: 0,
  handler: async ({ input, req }) => ({ output: { result: await publishScheduled(req.payload, input) } }),
}
