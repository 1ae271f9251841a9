import { createLocalReq, type Payload, type TaskConfig } from 'payload'

import { ARTICLES } from '../../collections/slugs'
import { inTransaction } from '../../db/transaction'
import { transitionContext } from './context'
import { recordEvent } from './events'
import { PUBLISH_TASK } from './schedule'
import { applyTransition } from './transition'

/**
 * Publishes a scheduled article when its time comes, in its own transaction. Does nothing if the
 * schedule was cancelled or changed meanwhile. A failure leaves the article "scheduled" with the
 * error on it and an audit event, and fails the job.
 */
export async function publishScheduled(
  payload: Payload,
  input: { articleId: string; publishAt: string },
): Promise<'published' | 'skipped'> {
  const req = await createLocalReq({ context: transitionContext() }, payload)
  try {
    return await inTransaction(req, async () => {
      const article = await payload.findByID({
        collection: ARTICLES,
        id: input.articleId,
        draft: true,
        depth: 0,
        req,
        disableErrors: true,
      })
      const due =
        article?.reviewState === 'scheduled' &&
        article.publishAt &&
        Date.parse(article.publishAt) === Date.parse(input.publishAt)
      if (!article || !due) return 'skipped'
      await applyTransition(req, article, {
        action: 'scheduled_publish',
        from: 'scheduled',
        to: 'published',
      })
      return 'published'
    })
  } catch (error) {
    await recordFailure(payload, input.articleId, error)
    throw error
  }
}

async function recordFailure(payload: Payload, articleId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  const req = await createLocalReq({ context: transitionContext() }, payload)
  await inTransaction(req, async () => {
    const article = await payload.findByID({
      collection: ARTICLES,
      id: articleId,
      draft: true,
      depth: 0,
      req,
      disableErrors: true,
    })
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
  }).catch((failure) =>
    payload.logger.error({
      err: failure,
      msg: `Could not record the failed schedule of article ${articleId}`,
    }),
  )
}

export const publishScheduledTask: TaskConfig<typeof PUBLISH_TASK> = {
  slug: PUBLISH_TASK,
  inputSchema: [
    { name: 'articleId', type: 'text', required: true },
    { name: 'publishAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: 0,
  handler: async ({ input, req }) => ({
    output: { result: await publishScheduled(req.payload, input) },
  }),
}
