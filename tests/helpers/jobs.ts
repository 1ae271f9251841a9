import type { Payload } from 'payload'

/**
 * One turn of the jobs runner over everything due, as the server's runner does every few seconds.
 * Tests queue many emails and webhooks, and Payload's default turn takes only ten.
 */
export const runDueJobs = (payload: Payload, options: { silent?: { error?: boolean } } = {}) =>
  payload.jobs.run({ limit: 1000, ...options })
