import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/roles'

/**
 * Payload's jobs collection, shown to admins as "Jobs": every queued email, webhook delivery and
 * scheduled publication, with its attempts and last error. A job with an error that is not a
 * cancellation failed for good; filter by "Has Error" to find them. Read-only: the runner writes it.
 */
export const jobsCollection = ({
  defaultJobsCollection,
}: {
  defaultJobsCollection: CollectionConfig
}): CollectionConfig => ({
  ...defaultJobsCollection,
  labels: { singular: 'Job', plural: 'Jobs' },
  access: { ...defaultJobsCollection.access, read: ({ req }) => isAdmin(req.user) },
  admin: {
    ...defaultJobsCollection.admin,
    hidden: ({ user }) => !isAdmin(user as Parameters<typeof isAdmin>[0]),
    description:
      'Emails, webhook deliveries and scheduled publications, sent after the change that queued them commits, with retries. A job with an error (not a cancellation) has failed for good.',
    defaultColumns: ['taskSlug', 'createdAt', 'totalTried', 'hasError', 'waitUntil', 'processing'],
    useAsTitle: 'taskSlug',
  },
})
