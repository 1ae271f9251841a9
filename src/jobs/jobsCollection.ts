import type { CollectionConfig, Field } from 'payload'

import { isAdmin } from '../access/roles'

/**
 * The error's message as plain text: Payload shows JSON fields (such as `error`) in Monaco, which
 * it loads from a CDN that the site's CSP refuses, so the admin would see an empty box. Virtual,
 * so no column and no migration.
 */
const errorMessage: Field = {
  name: 'errorMessage',
  type: 'textarea',
  virtual: true,
  admin: { readOnly: true, condition: (data) => Boolean(data?.hasError) },
  hooks: {
    afterRead: [
      ({ siblingData }) =>
        (siblingData?.error as { message?: string } | null | undefined)?.message ?? null,
    ],
  },
}

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
    defaultColumns: [
      'taskSlug',
      'createdAt',
      'totalTried',
      'hasError',
      'errorMessage',
      'waitUntil',
      'processing',
    ],
    useAsTitle: 'taskSlug',
  },
  fields: [errorMessage, ...defaultJobsCollection.fields],
})
