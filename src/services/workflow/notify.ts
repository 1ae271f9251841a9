import type { PayloadRequest } from 'payload'

import { AUTHORS, USERS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import type { Article } from '../../payload-types'
import type { Action } from '../../workflow'
import { queueEmail } from '../outbox/email'

type Audience = 'reviewers' | 'publishers' | 'authors'

const WHO: Partial<Record<Action | 'scheduled_publish', Audience>> = {
  submit: 'reviewers',
  request_changes: 'authors',
  approve: 'publishers',
  publish: 'authors',
  scheduled_publish: 'authors',
  unpublish: 'authors',
}

const SUBJECT: Partial<Record<Action | 'scheduled_publish', string>> = {
  submit: 'Submitted for review',
  request_changes: 'Changes requested',
  approve: 'Approved, ready to publish',
  publish: 'Published',
  scheduled_publish: 'Published (as scheduled)',
  unpublish: 'Unpublished',
}

/** Read through `req`: the recipients as the change being made sees them. */
async function recipients(
  req: PayloadRequest,
  audience: Audience,
  article: Article,
): Promise<string[]> {
  if (audience === 'authors') {
    const ids = (article.authors ?? []).map(idOf)
    const { docs } = await req.payload.find({
      collection: AUTHORS,
      where: { id: { in: ids } },
      depth: 1,
      pagination: false,
      req,
    })
    return docs
      .map((author) => (typeof author.user === 'object' ? author.user?.email : undefined))
      .filter((email): email is string => Boolean(email))
  }
  const roles = audience === 'reviewers' ? ['editor', 'publisher'] : ['publisher']
  const { docs } = await req.payload.find({
    collection: USERS,
    where: { roles: { in: roles } },
    depth: 0,
    pagination: false,
    req,
  })
  return docs.map((user) => user.email)
}

/**
 * Queues the email that tells the people concerned about a transition, in the transition's
 * transaction: it is sent (with retries) once the transition has committed, and never when it
 * rolls back.
 */
export async function notifyTransition(
  req: PayloadRequest,
  event: {
    action: Action | 'scheduled_publish'
    article: Article
    actorName?: string
    actorEmail?: string
    note?: string
  },
): Promise<void> {
  const audience = WHO[event.action]
  if (!audience) return
  const to = (await recipients(req, audience, event.article)).filter(
    (email) => email !== event.actorEmail,
  )
  const text = [
    `"${event.article.title}" — ${SUBJECT[event.action]}${event.actorName ? ` by ${event.actorName}` : ''}.`,
    event.note ? `\nNote: ${event.note}` : '',
    `\n${req.payload.config.serverURL}/admin/collections/articles/${event.article.id}`,
  ].join('')
  await queueEmail(req, {
    to,
    subject: `[Newsroom] ${SUBJECT[event.action]}: ${event.article.title}`,
    text,
  })
}
