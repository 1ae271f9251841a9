import type { RelationshipFieldValidation } from 'payload'
import { relationship } from 'payload/shared'

export const AUTHOR_NEEDED =
  'An article needs at least one author: pick one (a contributor is added as the author of their own new article).'

/**
 * At least one author on every save, but not while the form is filled in: a contributor's new
 * article gets their own author profile on the server (assignContributorAuthor), so an empty
 * field is no error there; a save that still has none is answered with this message.
 */
export const validateAuthors: RelationshipFieldValidation = (value, options) => {
  const empty = value === null || value === undefined || (Array.isArray(value) && !value.length)
  if (empty) return options.event === 'onChange' ? true : AUTHOR_NEEDED
  return relationship(value, options)
}
