import { randomUUID } from 'node:crypto'

import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { ARTICLES, USERS } from '../../collections/slugs'
import { lockForWrite } from '../../db/rowLock'
import { inTransaction } from '../../db/transaction'
import { formatAdminDate } from '../../lib/dates'
import { refuse } from '../../lib/refuse'
import type { Article, User, WorkflowEvent } from '../../payload-types'
import { allowedActions, contentHash, decide, type Action, type ReviewState } from '../../workflow'
import { liveVersion, queueWebhooks, webhookEventFor } from '../outbox/webhooks'
import { transitionContext } from './context'
import { recordEvent } from './events'
import { loadArticle } from './facts'
import { notifyTransition } from './notify'
import { cancelSchedule, queueSchedule } from './schedule'

export type TransitionResult = {
  id: Article['id']
  reviewState: ReviewState
  event: WorkflowEvent
  allowedActions: Action[]
}

type Decided = {
  action: Action | 'scheduled_publish'
  from: ReviewState
  to: ReviewState
  note?: string
  publishAt?: string
}

/** The fields an action sets; every other field of the latest version is kept as it is. */
function changesFor(
  decision: Decided,
  article: Article,
  userId: unknown,
  now: string,
): Record<string, unknown> {
  const clearApproval = { approvedBy: null, approvedAt: null, approvedHash: null }
  const clearSchedule = { publishAt: null, scheduleJob: null, scheduleError: null }
  switch (decision.action) {
    case 'submit':
      return { submittedBy: userId, submittedAt: now, editedSinceSubmit: [], ...clearApproval }
    case 'approve':
      return { approvedBy: userId, approvedAt: now, approvedHash: contentHash(article) }
    case 'request_changes':
      return { ...clearApproval, ...clearSchedule }
    case 'schedule':
      return { publishAt: decision.publishAt, scheduleError: null }
    case 'unschedule':
      return clearSchedule
    case 'publish':
    case 'scheduled_publish':
      // A new nonce revokes the preview links of the draft that just went live.
      return {
        _status: 'published',
        publishedAt: article.publishedAt ?? now,
        editedSinceSubmit: [],
        previewNonce: randomUUID(),
        ...clearSchedule,
      }
    case 'unpublish':
      return { _status: 'draft' }
    default:
      return {}
  }
}

/**
 * Saves a decided transition inside the request's transaction: the new state, the audit event,
 * the schedule job, and the side effects it causes (emails, webhooks), so they exist exactly when
 * the transition does. Publishing re-checks that the content is what was approved.
 */
export async function applyTransition(
  req: PayloadRequest,
  article: Article,
  decision: Decided,
  { notify = true }: { notify?: boolean } = {},
): Promise<{ doc: Article; event: WorkflowEvent }> {
  const publishing = decision.action === 'publish' || decision.action === 'scheduled_publish'
  if (publishing && contentHash(article) !== article.approvedHash) {
    throw refuse(
      409,
      'Cannot publish: the content changed since it was approved; it needs approving again.',
    )
  }
  const data = {
    reviewState: decision.to,
    ...changesFor(decision, article, req.user?.id ?? null, new Date().toISOString()),
  }
  const goesLive = publishing || decision.action === 'unpublish'
  // Read first: unpublishing saves the latest revision over the live version, and frontends must
  // hear about the version they were showing, not an unreviewed revision.
  const wasLive = goesLive ? await liveVersion(req, article.id) : undefined
  const doc = await req.payload.update({
    collection: ARTICLES,
    id: article.id,
    data: data as Partial<Article>,
    // Only publish and unpublish touch the live version; every other action is a new draft version.
    draft: !goesLive,
    depth: 0,
    overrideAccess: true,
    context: transitionContext(),
    req,
  })
  const event = await recordEvent(req, {
    article: article.id,
    action: decision.action,
    from: decision.from,
    to: decision.to,
    // In words, as the history shows it; the exact time stays in the article's publishAt.
    note:
      decision.note ??
      (decision.publishAt
        ? `Scheduled for ${formatAdminDate(decision.publishAt, 'UTC')} UTC`
        : undefined),
    doc,
    system: decision.action === 'scheduled_publish',
  })
  if (decision.action === 'schedule') {
    const job = await queueSchedule(req, article.id, decision.publishAt!)
    await req.payload.update({
      collection: ARTICLES,
      id: article.id,
      data: { scheduleJob: String(job) },
      draft: true,
      depth: 0,
      overrideAccess: true,
      context: transitionContext(),
      req,
    })
  }
  if (decision.action === 'unschedule' || decision.action === 'request_changes')
    await cancelSchedule(req, article.scheduleJob)
  await queueSideEffects(req, decision, { doc, wasLive, notify })
  return { doc, event }
}

/**
 * The emails and webhooks a saved transition causes, queued in its transaction. Frontends hear of
 * an unpublish with the version they were showing (`wasLive`), of a publish with the new one.
 */
async function queueSideEffects(
  req: PayloadRequest,
  decision: Decided,
  { doc, wasLive, notify }: { doc: Article; wasLive: Article | undefined; notify: boolean },
): Promise<void> {
  if (notify) {
    await notifyTransition(req, {
      action: decision.action,
      article: doc,
      actorName: req.user?.name,
      actorEmail: req.user?.email,
      note: decision.note,
    })
  }
  const webhook = webhookEventFor(decision.action, Boolean(wasLive))
  if (webhook) {
    await queueWebhooks(req, webhook, decision.action === 'unpublish' ? (wasLive ?? doc) : doc)
  }
}

/**
 * A workflow action by the signed-in user: load, decide, apply or refuse. Refusals are 4xx errors
 * with the rule's message; a four-eyes refusal is recorded in the audit trail before it is thrown.
 */
export async function performTransition(
  req: PayloadRequest,
  input: { id: string | number; action: unknown; note?: unknown; publishAt?: unknown },
  { notify = true }: { notify?: boolean } = {},
): Promise<TransitionResult> {
  const user = req.user
  if (!user) throw refuse(401, 'Log in to take workflow actions.')

  const outcome = await inTransaction(req, async () => {
    // Another instance's action on this article finishes first; this one then decides on its result.
    await lockForWrite(req, ARTICLES, input.id)
    const { article, facts } = await loadArticle(req, input.id)
    const decision = decide(
      facts,
      { id: user.id, roles: user.roles ?? [] },
      { ...input, now: new Date() },
    )
    if (!decision.ok) {
      if (decision.fourEyes) {
        await recordEvent(req, {
          article: article.id,
          action: 'four_eyes_refused',
          from: facts.state,
          to: facts.state,
          note: decision.message,
          doc: article,
        })
        return { refused: decision } as const
      }
      throw refuse(decision.status, decision.message)
    }
    const { doc, event } = await applyTransition(req, article, decision, { notify })
    const { facts: after } = await loadArticle(req, article.id)
    return {
      doc,
      event,
      decision,
      allowed: allowedActions(after, { id: user.id, roles: user.roles ?? [] }),
    }
  })

  if (outcome.refused) throw refuse(outcome.refused.status, outcome.refused.message)
  return {
    id: outcome.doc.id,
    reviewState: outcome.decision.to,
    event: outcome.event,
    allowedActions: outcome.allowed,
  }
}

/** A workflow action taken by `user` from server code (seeding, imports, tests). */
export async function transitionAs(
  payload: Payload,
  user: User,
  input: { id: string | number; action: Action; note?: string; publishAt?: string },
  options?: { notify?: boolean },
): Promise<TransitionResult> {
  const req = await createLocalReq({ user: { ...user, collection: USERS } }, payload)
  return performTransition(req, input, options)
}
