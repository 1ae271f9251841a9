import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import { Webhook } from 'standardwebhooks'

import { ARTICLES } from '../../collections/slugs'
import { webhookRetryDelayMs, webhookSecret, webhookUrls } from '../../env'
import type { Article } from '../../payload-types'
import type { Action } from '../../workflow'
import { enqueue, newEventId } from './queue'

/**
 * Webhooks for frontends: when an article goes live, is replaced by a new revision, or is taken
 * down, each WEBHOOK_URLS receiver gets a JSON event signed in the Standard Webhooks format
 * (https://www.standardwebhooks.com). Delivery is a Payload job per receiver, queued in the
 * transaction of the change, so a receiver that is down is retried with backoff and never holds
 * up or fails the publish.
 */

export const DELIVER_TASK = 'deliverWebhook'

const TIMEOUT_MS = 10_000
/** With the default 30 s base delay, retries span about two hours (30 s, 1 min, 2 min … 64 min). */
const RETRY_ATTEMPTS = 8

export type WebhookEventName = 'article.published' | 'article.updated' | 'article.unpublished'

/** What a frontend needs to refresh its pages: the live article's identity, nothing from drafts or review. */
export type WebhookEvent = {
  event: WebhookEventName
  /** The idempotency key, also sent as `webhook-id`: the same on every retry and for every receiver. */
  eventId: string
  id: Article['id']
  slug: string | null
  title: string
  publishedAt: string | null
  at: string
}

/** The event for a transition, if frontends care about it. A publish over a live version is an update. */
export function webhookEventFor(
  action: Action | 'scheduled_publish',
  wasLive: boolean,
): WebhookEventName | undefined {
  if (action === 'unpublish') return 'article.unpublished'
  if (action === 'publish' || action === 'scheduled_publish')
    return wasLive ? 'article.updated' : 'article.published'
  return undefined
}

export function buildEvent(
  event: WebhookEventName,
  article: Article,
  eventId = newEventId(),
  at = new Date().toISOString(),
): WebhookEvent {
  return {
    event,
    eventId,
    id: article.id,
    slug: article.slug ?? null,
    title: article.title,
    publishedAt: article.publishedAt ?? null,
    at,
  }
}

/** The published version of an article as it stands (the main document, whatever newer drafts exist). */
export async function liveVersion(
  req: PayloadRequest,
  id: Article['id'],
): Promise<Article | undefined> {
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

/**
 * The Standard Webhooks signer for WEBHOOK_SECRET: a `whsec_…` secret is the standard's base64
 * form; any other value is used as it stands (its UTF-8 bytes are the key).
 */
export const webhookSigner = (secret: string): Webhook =>
  secret.startsWith('whsec_')
    ? new Webhook(secret)
    : new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' })

/**
 * The `webhook-id`, `webhook-timestamp` and `webhook-signature` headers: the signature covers
 * id.timestamp.body, so a captured request cannot be replayed once the receiver's tolerance
 * (5 minutes in the standard libraries) has passed. Signed per attempt, with its own timestamp.
 */
export function signatureHeaders(
  secret: string | undefined,
  eventId: string,
  body: string,
  at = new Date(),
): Record<string, string> {
  const headers: Record<string, string> = {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
  }
  if (secret) headers['webhook-signature'] = webhookSigner(secret).sign(eventId, at, body)
  return headers
}

/** Queues one delivery per receiver, in the transaction of the transition that causes the event. */
export async function queueWebhooks(
  req: PayloadRequest,
  event: WebhookEventName,
  article: Article,
): Promise<void> {
  const urls = webhookUrls()
  if (!urls.length) return
  const built = buildEvent(event, article)
  // The exact bytes are fixed now, so every retry sends (and signs) the same body.
  const body = JSON.stringify(built)
  for (const url of urls) await enqueue(req, DELIVER_TASK, { url, eventId: built.eventId, body })
}

/** POSTs one event; any answer but 2xx (or no answer within the timeout) throws, so Payload retries. */
export async function deliverWebhook(input: {
  url: string
  eventId: string
  body: string
}): Promise<number> {
  const { event } = JSON.parse(input.body) as WebhookEvent
  // Signed when delivered, not when queued, so the secret is never stored in the jobs table.
  let response: Response
  try {
    response = await fetch(input.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Newsroom-CMS-Webhooks',
        'X-Newsroom-Event': event,
        ...signatureHeaders(webhookSecret(), input.eventId, input.body),
      },
      body: input.body,
      // A redirect would turn the POST into a GET elsewhere; the receiver's URL should be fixed instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    const reason =
      error instanceof Error
        ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
        : String(error)
    throw new Error(`Webhook ${event} ${input.eventId} to ${input.url} failed: ${reason}.`, {
      cause: error,
    })
  }
  await response.body?.cancel()
  if (!response.ok)
    throw new Error(
      `Webhook ${event} ${input.eventId} to ${input.url} answered ${response.status}.`,
    )
  return response.status
}

/** The delivery task. Its retry delay is read when the config is built. */
export const deliverWebhookTask = (): TaskConfig<typeof DELIVER_TASK> => ({
  slug: DELIVER_TASK,
  label: 'Deliver a webhook',
  inputSchema: [
    { name: 'url', type: 'text', required: true },
    { name: 'eventId', type: 'text', required: true },
    { name: 'body', type: 'textarea', required: true },
  ],
  outputSchema: [{ name: 'status', type: 'number' }],
  retries: {
    attempts: RETRY_ATTEMPTS,
    backoff: { type: 'exponential', delay: webhookRetryDelayMs() },
  },
  handler: async ({ input }) => ({ output: { status: await deliverWebhook(input) } }),
})

/** Checked when Payload starts: outside production, receivers without a secret get a warning. */
export function checkWebhookConfig(payload: Payload): void {
  const urls = webhookUrls()
  if (urls.length && !webhookSecret()) {
    payload.logger.warn(
      `WEBHOOK_SECRET is not set: webhooks to ${urls.length} receiver(s) are sent unsigned (refused in production).`,
    )
  }
}
