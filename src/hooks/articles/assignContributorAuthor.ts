import type { CollectionBeforeValidateHook } from 'payload'

import { AUTHORS } from '../../collections/slugs'
import { isStaff } from '../../access/roles'
import { idOf } from '../../lib/ids'
import { refuse } from '../../lib/refuse'
import type { Article } from '../../payload-types'

/** A contributor's new article always lists the contributor's own author profile. */
export const assignContributorAuthor: CollectionBeforeValidateHook<Article> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || !req.user || isStaff(req.user) || !data) return data
  const { docs } = await req.payload.find({
    collection: AUTHORS,
    where: { user: { equals: req.user.id } },
    limit: 1,
    depth: 0,
    req,
  })
  const profile = docs[0]
  if (!profile) {
    throw refuse(
      403,
      'Cannot create an article: your account has no author profile; ask an editor to link one to you.',
    )
  }
  const authors = (data.authors ?? []).map(idOf)
  return authors.some((id) => String(id) === String(profile.id))
    ? data
    : { ...data, authors: [profile.id, ...authors] }
}
