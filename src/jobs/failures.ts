import type { Payload, Where } from 'payload'

/**
 * Jobs that failed for good: their retries are spent, and Payload recorded the error with
 * `cancelled: false`. A cancelled schedule is marked with an error too (`{ cancelled: true }`), but
 * nothing failed there. (`equals: false`, because `not_equals` on a JSON path also matches
 * `true` on SQLite.)
 */
export const failedForGood: Where = {
  and: [{ hasError: { equals: true } }, { 'error.cancelled': { equals: false } }],
}

/** How many jobs failed for good, for `/healthz` (who they were is in the admin, under Jobs). */
export async function countFailedJobs(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: failedForGood,
    overrideAccess: true,
  })
  return totalDocs
}
