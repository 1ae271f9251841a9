import type { CollectionSlug } from 'payload'

import { slugify } from '../../lib/slugify'
import type { PostScope } from './context'

/**
 * A slug no document of `collection` has: the title's, else with -2, -3… (two posts both called
 * "Weekly roundup" become weekly-roundup and weekly-roundup-2).
 */
export async function uniqueSlug(
  { ctx, req }: PostScope,
  collection: CollectionSlug,
  text: string,
): Promise<string> {
  const base = slugify(text).slice(0, 110).replace(/-+$/, '') || 'post'
  for (let from = 1; ; from += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) =>
      from + i === 1 ? base : `${base}-${from + i}`,
    )
    const { docs } = await ctx.payload.find({
      collection,
      where: { slug: { in: candidates } },
      select: { slug: true },
      limit: 20,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const taken = new Set(docs.map((doc) => (doc as { slug?: string }).slug))
    const free = candidates.find(
      (slug) => !taken.has(slug) && !ctx.slugs.has(`${collection}:${slug}`),
    )
    if (free) {
      ctx.slugs.stage(`${collection}:${free}`, true)
      return free
    }
  }
}
