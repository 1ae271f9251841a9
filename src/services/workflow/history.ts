import type { PayloadRequest } from 'payload'

import { WORKFLOW_EVENTS } from '../../collections/slugs'
import type { Article } from '../../payload-types'

export type HistoryEntry = {
  action: string
  from: string
  to: string
  actor: { id: number | string; name: string } | null
  note: string | null
  at: string
}

/** The article's audit trail, newest first, as the current user may read it. */
export async function historyOf(
  req: PayloadRequest,
  articleId: Article['id'],
): Promise<HistoryEntry[]> {
  const { docs } = await req.payload.find({
    collection: WORKFLOW_EVENTS,
    where: { article: { equals: articleId } },
    sort: '-seq',
    depth: 1,
    limit: 200,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs.map((event) => ({
    action: event.action,
    from: event.from,
    to: event.to,
    actor:
      event.actor && typeof event.actor === 'object'
        ? { id: event.actor.id, name: event.actor.name }
        : null,
    note: event.note ?? null,
    at: event.createdAt,
  }))
}
