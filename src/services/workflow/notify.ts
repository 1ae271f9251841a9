import type { Payload } from 'payload'

import { AUTHORS, USERS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import type { Article } from '../../payload-types'
import type { Action } from '../../workflow'

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

async function recipients(payload: Payload, audience: Audience, article: Article): Promise<string[]> {
  if (audience === 'authors') {
    const ids = (article.authors ?? []).map(idOf)
    const { docs } = await payload.find({ collection: AUTHORS, where: { id: { in: ids } }, depth: 1, pagination: false })
    return docs
      .map((author) => (typeof author.user === 'object' ? author.user?.email : undefined))
      .filter((email): email is string => Boolean(email))
  }
  const roles = audience === 'reviewers' ? ['editor', 'publisher'] : ['publisher']
  const { docs } = await payload.find({ collection: USERS, where: { roles: { in: roles } }, depth: 0, pagination: false })
  return docs.map((user) => user.email)
}

/**
 * Tells the people concerned about a transition. Called after the transaction has committed;
 * a failure is logged and never undoes or fails the transition.
 */
export async function notifyTransition(
  payload: Payload,
  event: { action: Action | 'scheduled_publish'; article: Article; actorName?: string; actorEmail?: string; note?: string },
): Promise<void> {
  const audience = WHO[event.action]
  if (!audience) return
  try {
    const to = (await recipients(payload, audience, event.article)).filter((email) => email !== event.actorEmail)
    if (!to.length) return
    const lines = [
      `"${event.article.title}" — ${SUBJECT[event.action]}${event.actorName ? ` by ${event.actorName}` : ''}.`,
      event.note ? `\nNote: ${event.note}` : '',
      `\n${payload.config.serverURL}/admin/collections/articles/${event.article.id}`,
    ]
    await payload.sendEmail({ to, subject: `[Newsroom] ${SUBJECT[event.action]}: ${event.article.title}`, text: lines.join('') })
  } catch (error) {
    payload.logger.error({
      err: error,
      msg: `Notification for "${event.action}" on article ${event.article.id} failed; the transition stands.`,
    })
  }
}
