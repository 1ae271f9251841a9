import type { Payload } from 'payload'

/**
 * One turn of the jobs runner over everything due, as the server's runner does every few seconds.
 * Tests queue many emails and webhooks, and Payload's default turn takes only ten.
 */
export const runDueJobs = (payload: Payload, options: { silent?: { error?: boolean } } = {}) =>
  payload.jobs.run({ limit: 1000, ...options })

/**
 * Turns of the runner (its retries' errors kept out of the log) until `done` holds, as the
 * server's runner would deliver over time; fails naming `what` after `timeoutMs`.
 */
export async function runJobsUntil(
  payload: Payload,
  done: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${timeoutMs} ms`)
    await runDueJobs(payload, { silent: { error: true } })
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
