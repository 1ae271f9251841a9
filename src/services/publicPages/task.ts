import type { PayloadRequest, TaskConfig } from 'payload'

import { afterCommit } from '../../db/afterCommit'
import { PUBLIC_LIMIT } from '../../hooks/capPublicQueries'
import { enqueue } from '../outbox/queue'
import { renderPublicPages } from './render'

export const RENDER_PUBLIC_PAGES_TASK = 'renderPublicPages'

/** A render that fails (the database busy, a deploy) is tried again: 1 s, 2 s, 4 s … */
const RETRIES = { attempts: 6, backoff: { type: 'exponential' as const, delay: 1_000 } }

/**
 * Up to this many pages are rendered before the request that changed them answers (one batch,
 * well under a second); more (an author of hundreds of articles renamed) are left to the jobs
 * runner, so the save does not wait on them.
 */
export const RENDERED_AT_ONCE = PUBLIC_LIMIT

/**
 * Queues the render of these articles' public pages in the transaction of the change, and runs
 * it as soon as that commits, so the request that published (or changed what a page shows)
 * answers once the page is current. Should that run fail, or the process die first, the queued
 * job is still there for the jobs runner.
 */
export async function queuePublicPages(
  req: PayloadRequest,
  articleIds: readonly (number | string)[],
): Promise<void> {
  const articles = [...new Set(articleIds.map(String))]
  if (!articles.length) return
  const id = await enqueue(req, RENDER_PUBLIC_PAGES_TASK, { articles })
  if (articles.length > RENDERED_AT_ONCE) return
  await afterCommit(req, async () => {
    await req.payload.jobs.runByID({ id, silent: true })
  })
}

export const renderPublicPagesTask: TaskConfig<typeof RENDER_PUBLIC_PAGES_TASK> = {
  slug: RENDER_PUBLIC_PAGES_TASK,
  label: 'Render public pages',
  inputSchema: [{ name: 'articles', type: 'text', hasMany: true, required: true }],
  outputSchema: [
    { name: 'rendered', type: 'number' },
    { name: 'removed', type: 'number' },
  ],
  retries: RETRIES,
  handler: async ({ input, req }) => {
    const result = await renderPublicPages(req.payload, input.articles)
    return { output: result }
  },
}
