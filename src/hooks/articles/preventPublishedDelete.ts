import type { CollectionBeforeDeleteHook } from 'payload'

import { ARTICLES } from '../../collections/slugs'
import { refuse } from '../../lib/refuse'

/** A live article is unpublished (through the workflow) before anyone may delete it. */
export const preventPublishedDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const article = await req.payload.findByID({
    collection: ARTICLES,
    id,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  if (article?._status === 'published') {
    throw refuse(
      409,
      'Cannot delete: the article is published; unpublish it first (workflow action "unpublish").',
    )
  }
}
