import type { TextField } from 'payload'

import { SLUG_PATTERN, slugify } from '../lib/slugify'

/**
 * A unique, editable URL slug that is derived from `from` when left empty.
 * Uniqueness is enforced by the database index, which Payload reports as a 400 on the field.
 */
export const slugField = (from: string): TextField => ({
  name: 'slug',
  type: 'text',
  index: true,
  unique: true,
  admin: { position: 'sidebar', description: `Derived from the ${from} when left empty.` },
  hooks: {
    beforeValidate: [
      ({ value, data, originalDoc }) => {
        if (typeof value === 'string' && value.trim()) return slugify(value)
        const source = data?.[from] ?? originalDoc?.[from]
        return typeof source === 'string' && source.trim() ? slugify(source) : value
      },
    ],
  },
  validate: (value: string | null | undefined) => {
    if (!value) return 'A slug is required (or a title to derive it from).'
    return SLUG_PATTERN.test(value) || 'Use lowercase letters, digits and single hyphens only.'
  },
})
