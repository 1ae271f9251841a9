import type { CollectionConfig } from 'payload'

import { nobody } from '../access/nobody'
import { COUNTERS } from './slugs'

/**
 * Counts every instance shares (src/services/counters): rate-limit windows per client and
 * account, and the stamp of the last change to what the public reads. Server-only.
 */
export const Counters: CollectionConfig = {
  slug: COUNTERS,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  admin: { hidden: true },
  lockDocuments: false,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'count', type: 'number', required: true },
    // The end of the counting window; unset for a count that never resets.
    { name: 'resetAt', type: 'date', index: true },
  ],
}
