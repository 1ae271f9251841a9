import type { PayloadRequest, TaskConfig } from 'payload'

import { enqueue, newEventId } from './queue'

export const SEND_EMAIL_TASK = 'sendEmail'

/** 30 s, 1 min, 2 min … 64 min: an SMTP server down for about two hours loses nothing. */
const RETRIES = { attempts: 8, backoff: { type: 'exponential' as const, delay: 30_000 } }

export type Email = { to: string[]; subject: string; text: string }

/** Queues one email in the transaction of the change it tells about; nothing is queued for nobody. */
export async function queueEmail(req: PayloadRequest, email: Email): Promise<void> {
  if (!email.to.length) return
  await enqueue(req, SEND_EMAIL_TASK, { ...email, eventId: newEventId() })
}

/** Message-ID from the event id: a retry of the same email is recognisably the same message. */
const messageId = (eventId: string, serverUrl: string): string =>
  `<${eventId}@${new URL(serverUrl).hostname}>`

export const sendEmailTask: TaskConfig<typeof SEND_EMAIL_TASK> = {
  slug: SEND_EMAIL_TASK,
  label: 'Send an email',
  inputSchema: [
    { name: 'eventId', type: 'text', required: true },
    { name: 'to', type: 'text', hasMany: true, required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
  ],
  retries: RETRIES,
  handler: async ({ input, req }) => {
    const { eventId, ...email } = input
    await req.payload.sendEmail({
      ...email,
      messageId: messageId(eventId, req.payload.config.serverURL),
    })
    return { output: {} }
  },
}
