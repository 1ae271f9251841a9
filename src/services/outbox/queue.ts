import { randomUUID } from 'node:crypto'

import type { PayloadRequest, TypedJobs } from 'payload'

export type OutboxTask = keyof TypedJobs['tasks'] &
  ('sendEmail' | 'deliverWebhook' | 'renderPublicPages')

/**
 * The one way to queue a side effect (an email, a webhook, a public page to render): a Payload job
 * written through `req`, so it lives in the transaction of the change that causes it — committed
 * with it, rolled back with it. The jobs runner delivers it after commit, with retries. Answers
 * the job's id.
 */
export async function enqueue<T extends OutboxTask>(
  req: PayloadRequest,
  task: T,
  input: TypedJobs['tasks'][T]['input'],
): Promise<number | string> {
  const job = await req.payload.jobs.queue({ task, input, req } as Parameters<
    PayloadRequest['payload']['jobs']['queue']
  >[0])
  return job.id
}

/**
 * The idempotency key a delivery carries: made when the event is queued, so every retry of it,
 * after a crash too, carries the same key and a receiver can tell it already acted.
 */
export const newEventId = (): string => `evt_${randomUUID().replaceAll('-', '')}`
