import type { Payload } from 'payload'

import { jobLeaseMs } from '../env'

/**
 * Hands back to the queue the jobs a runner took and never finished — it was killed (`kill -9`,
 * out of memory, a deploy) between marking a job processing and recording the outcome. Payload's
 * runner only picks up jobs that are not processing, so without this they would wait forever.
 * JOBS_LEASE_SECONDS is longer than any task may take, so a job still `processing` after it has
 * lost its runner. The delivery is then retried with the same idempotency key, so a receiver that
 * got it already can tell. A batch update of the queue, so several instances releasing at once
 * release each job once (src/db/jobClaims.ts).
 */
export async function releaseExpiredLeases(payload: Payload, now = new Date()): Promise<number> {
  const db = payload.db
  // As Payload's own queue updates: in a transaction, except on MongoDB.
  const transactionID = db.name === 'mongoose' ? undefined : await db.beginTransaction()
  try {
    const released = await db.updateJobs({
      where: {
        and: [
          { processing: { equals: true } },
          { completedAt: { exists: false } },
          { updatedAt: { less_than: new Date(now.getTime() - jobLeaseMs()).toISOString() } },
        ],
      },
      data: { processing: false, updatedAt: now.toISOString() },
      req: { transactionID: transactionID ?? undefined },
      returning: true,
    })
    if (transactionID) await db.commitTransaction(transactionID)
    const count = released?.length ?? 0
    if (count)
      payload.logger.warn(
        `Released ${count} job(s) left processing by a runner that stopped; they run again.`,
      )
    return count
  } catch (error) {
    if (transactionID) await db.rollbackTransaction(transactionID)
    throw error
  }
}
