import type { CommentStatus } from '../../services/comments/statuses'
import { apiErrorOf } from '../apiError'

export type ModerationResult = { ok: true; count: number } | { ok: false; message: string }

/**
 * Gives comments a status over REST, with the moderator's own session: one comment by id, or the
 * list's selection by its query string (`?where…`, from Payload's useSelection).
 */
export async function moderate(
  target: { id: number | string } | { query: string },
  status: CommentStatus,
): Promise<ModerationResult> {
  const url = 'id' in target ? `/api/comments/${target.id}` : `/api/comments${target.query}`
  const res = await fetch(url, {
    method: 'PATCH',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  }).catch(() => null)
  if (!res) return { ok: false, message: 'The server could not be reached; try again.' }
  if (!res.ok) return { ok: false, message: await apiErrorOf(res) }
  const body = (await res.json().catch(() => null)) as { docs?: unknown[] } | null
  return { ok: true, count: body?.docs?.length ?? 1 }
}
