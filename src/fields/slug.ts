import type { TextField } from 'payload'

import { checkSlug, slugify } from '../lib/slugify'

/**
 * A unique, editable URL slug that is derived from `from` when left empty.
 * Uniqueness is enforced by the database index, which Payload reports as a 400 on the field.
 *
 * Derived only while empty: on update Payload hands the hook the stored slug when the request
 * sends none, so renaming an article (published or not) keeps its URL; only an edited slug
 * changes it.
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
        const typed = typeof value === 'string' && value.trim() ? value : undefined
        const source: unknown = typed ?? data?.[from] ?? originalDoc?.[from]
        if (typeof source !== 'string' || !source.trim()) return value
        // When slugify makes nothing of it (a title in Chinese, a slug of emoji) the value is left
        // as it was, so the validation below can say which of the two needs a change.
        return slugify(source) || value
      },
    ],
  },
  validate: (value, { event, siblingData }) => {
    const source = (siblingData as Record<string, unknown> | undefined)?.[from]
    // While the form is filled in, an empty slug with nothing to derive it from is no error of the
    // slug's: the server derives it on save, and the empty title or name says what is missing.
    if (event === 'onChange' && isBlank(value) && isBlank(source)) return true
    return checkSlug(value, from, source)
  },
})

const isBlank = (value: unknown) => typeof value !== 'string' || !value.trim()
