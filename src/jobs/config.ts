import type { JobsConfig } from 'payload'

import { isAdmin } from '../access/roles'
import { runsJobs } from '../env'
import { sendEmailTask } from '../services/outbox/email'
import { renderPublicPagesTask } from '../services/publicPages/task'
import { deliverWebhookTask } from '../services/outbox/webhooks'
import { publishScheduledTask } from '../services/workflow/scheduledPublish'
import { jobsCollection } from './jobsCollection'
import { releaseExpiredLeases } from './leases'

/**
 * Every few seconds: emails and webhooks go out soon after their change commits, schedules on
 * time; a public page whose render failed after its commit is rendered again.
 */
export const JOBS_CRON = '*/5 * * * * *'

/**
 * The jobs queue: scheduled publications and the outbox (emails, webhooks, public pages). Run by each server
 * unless JOBS_AUTORUN=false, or by `npm run jobs:worker`; a job is delivered by one runner only.
 */
export const jobsConfig = (): JobsConfig => ({
  tasks: [publishScheduledTask, sendEmailTask, deliverWebhookTask(), renderPublicPagesTask],
  autoRun: [{ cron: JOBS_CRON, queue: 'default', limit: 20 }],
  // Each turn first hands back the jobs of a runner that died mid-delivery.
  shouldAutoRun: async (payload) => runsJobs() && (await releaseExpiredLeases(payload), true),
  // Running the queue by hand (GET /api/payload-jobs/run) is for admins, not every signed-in user.
  access: { run: ({ req }) => isAdmin(req.user), cancel: ({ req }) => isAdmin(req.user) },
  jobsCollectionOverrides: jobsCollection,
})
