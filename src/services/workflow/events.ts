import type { PayloadRequest } from 'payload'

import { WORKFLOW_EVENTS } from '../../collections/slugs'
import { refuse } from '../../lib/refuse'
import type { WorkflowEvent } from '../../payload-types'
import { contentHash, type ReviewState } from '../../workflow'

/** The name the audit trail gives the scheduler's own events. */
export const SCHEDULER = 'Scheduler'

export type EventInput = {
  article: number | string
  action: WorkflowEvent['action']
  from: ReviewState
  to: ReviewState
  note?: string
  /** The article as saved, for the content hash. */
  doc?: object
  /** The scheduler acts without a user. */
  system?: boolean
}

/**
 * Appends an event to the article's history. Each event takes the next sequence number; the
 * unique (article, seq) index lets only one of two racing transitions append, and the other
 * fails here as a 409 and rolls back.
 */
export async function recordEvent(req: PayloadRequest, input: EventInput): Promise<WorkflowEvent> {
  const { docs } = await req.payload.find({
    collection: WORKFLOW_EVENTS,
    where: { article: { equals: input.article } },
    sort: '-seq',
    limit: 1,
    depth: 0,
    pagination: false,
    req,
  })
  try {
    return await req.payload.create({
      collection: WORKFLOW_EVENTS,
      data: {
        article: input.article as number,
        seq: (docs[0]?.seq ?? 0) + 1,
        action: input.action,
        from: input.from,
        to: input.to,
        actor: input.system ? null : ((req.user?.id as number | undefined) ?? null),
        actorName: input.system ? SCHEDULER : (req.user?.name ?? null),
        note: input.note || null,
        contentHash: input.doc ? contentHash(input.doc) : null,
        articleTitle: input.doc && 'title' in input.doc ? String(input.doc.title) : null,
      },
      depth: 0,
      req,
    })
  } catch {
    throw refuse(
      409,
      'Another change to this article was saved at the same moment; reload it and try again.',
    )
  }
}
