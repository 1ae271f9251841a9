import { createHmac, randomUUID } from 'node:crypto'

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type TaskConfig,
} from 'payload'

import { ARTICLES } from '../collections/slugs'
import { webhookRetryDelayMs, webhookSecret, webhookUrls } from '../env'
import type { Article } from '../payload-types'
import type { Action } from '../workflow'

/**
 * Webhooks for frontends: when an article goes live, is replaced by a new revision, or is taken
 * down, each WEBHOOK_URLS receiver gets a signed JSON event. Delivery is a Payload job per URL, so
 * a receiver that is down is retried with backoff and never holds up or fails the publish.
 */

export const DELIVER_TASK = 'deliverWebhook'

const TIMEOUT_MS = 10_000
/** With the default 30 s base delay, retries span about two hours (30 s, 1 min, 2 min … 64 min). */
const RETRY_ATTEMPTS = 8

export type WebhookEventName = 'article.published' | 'article.updated' | 'article.unpublished'

/** What a frontend needs to refresh its pages: the live article's identity, nothing from drafts or review. */
export type WebhookEvent = {
  event: WebhookEventName
  id: Article['id']
  slug: string | null
  title: string
  publishedAt: string | null
  at: string
  deliveryId: string
}

/** The event for a transition, if frontends care about it. A publish over a live version is an update. */
export function webhookEventFor(action: Action | 'scheduled_publish', wasLive: boolean): WebhookEventName | undefined {
  if (action === 'unpublish') return 'article.unpublished'
  if (action === 'publish' || action === 'scheduled_publish') return wasLive ? 'article.updated' : 'article.published'
  return undefined
}

export function buildEvent(event: WebhookEventName, article: Article, at = new Date().toISOString()): WebhookEvent {
  return {
    event,
    id: article.id,
    slug: article.slug ?? null,
    title: article.title,
    publishedAt: article.publishedAt ?? null,
    at,
    deliveryId: randomUUID(),
  }
}

/** The published version of an article as it stands (the main document, whatever newer drafts exist). */
export async function liveVersion(req: PayloadRequest, id: Article['id']): Promise<Article | undefined> {
  const doc = await req.payload.findByID({
    collection: ARTICLES,
    id,
    draft: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return doc?._status === 'published' ? doc : undefined
}

/** The X-Signature-256 value: HMAC-SHA256 of the exact body bytes, as GitHub signs its webhooks. */
export const signature = (body: string, secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/**
 * Queues one delivery job per receiver. Called after the transition committed, so a rolled-back
 * publish announces nothing; a failure to queue is logged and never reaches the user.
 */
export async function queueWebhooks(req: PayloadRequest, event: WebhookEventName, article: Article): Promise<void> {
  try {
    const urls = webhookUrls()
    if (!urls.length) return
    // A transaction still open on `req` belongs to a caller doing larger work: the jobs join it and
    // roll back with it. Otherwise they get a transaction of their own on a fresh request — never
    // one beside a still-open transaction of this request, since SQLite write transactions take
    // turns and it would wait forever.
    const jobReq = req.transactionID ? req : await createLocalReq({}, req.payload)
    const own = await initTransaction(jobReq)
    try {
      for (const url of urls) {
        // Each receiver gets its own delivery id; retries resend the same bytes, so receivers can dedupe.
        const body = JSON.stringify(buildEvent(event, article))
        await req.payload.jobs.queue({ task: DELIVER_TASK, input: { url, body }, req: jobReq })
      }
      if (own) await commitTransaction(jobReq)
    } catch (error) {
      if (own) await killTransaction(jobReq)
      throw error
    }
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Could not queue the ${event} webhooks of article ${article.id}; the transition stands.` })
  }
}

/** POSTs one event; any answer but 2xx (or no answer within the timeout) throws, so Payload retries. */
export async function deliverWebhook(input: { url: string; body: string }): Promise<number> {
  const { event, deliveryId } = JSON.parse(input.body) as WebhookEvent
  // Signed when delivered, not when queued, so the secret is never stored in the jobs table.
  const secret = webhookSecret()
  let response: Response
  try {
    response = await fetch(input.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Newsroom-CMS-Webhooks',
        'X-Newsroom-Event': event,
        'X-Newsroom-Delivery': deliveryId,
        ...(secret ? { 'X-Signature-256': signature(input.body, secret) } : {}),
      },
      body: input.body,
      // A redirect would turn the POST into a GET elsewhere; the receiver's URL should be fixed instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    const reason =
      error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)
    throw new Error(`Webhook ${event} ${deliveryId} to ${input.url} failed: ${reason}.`)
  }
  await response.body?.cancel()
  if (!response.ok) throw new Error(`Webhook ${event} ${deliveryId} to ${input.url} answered ${response.status}.`)
  return response.status
}

/** The delivery task. Its retry delay is read when the config is built. */
export const deliverWebhookTask = (): TaskConfig<typeof DELIVER_TASK> => ({
  slug: DELIVER_TASK,
  inputSchema: [
    { name: 'url', type: 'text', required: true },
    { name: 'body', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'status', type: 'number' }],
  retries: { attempts: RETRY_ATTEMPTS, backoff: { type: 'exponential', delay: webhookRetryDelayMs() } },
  handler: async ({ input }) => ({ output: { status: await deliverWebhook(input) } }),
})

/** Checked when Payload starts: a bad URL, or production without a secret, stops start-up. */
export function checkWebhookConfig(payload: Payload): void {
  const urls = webhookUrls()
  if (urls.length && !webhookSecret()) {
    payload.logger.warn(`WEBHOOK_SECRET is not set: webhooks to ${urls.length} receiver(s) are sent unsigned (refused in production).`)
  }
}
