import type { Payload } from 'payload'

/**
 * Longer than any task may take (a webhook times out after 10 s, an SMTP exchange after about a
 * minute), so a job still `processing` after this has lost the process that ran it.
 */
export const LEASE_MS = 10 * 60_000

/**
 * Hands back to the queue the jobs a process took and never finished — it was killed (`kill -9`,
 * out of memory, a deploy) between marking a job processing and recording the outcome. Payload's
 * runner only picks up jobs that are not processing, so without this they would wait forever. The
 * delivery is then retried with the same idempotency key, so a receiver that got it already can
 * tell.
 */
export async function releaseExpiredLeases(payload: Payload, now = new Date()): Promise<number> {
  const { docs } = await payload.update({
    collection: 'payload-jobs',
    where: {
      and: [
        { processing: { equals: true } },
        { completedAt: { exists: false } },
        { updatedAt: { less_than: new Date(now.getTime() - LEASE_MS).toISOString() } },
      ],
    },
    data: { processing: false },
    depth: 0,
    overrideAccess: true,
  })
  if (docs.length)
    payload.logger.warn(
      `Released ${docs.length} job(s) left processing by a process that stopped; they run again.`,
    )
  return docs.length
}
