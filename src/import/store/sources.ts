import { SOURCES } from '../../collections/slugs'
import { canonicalSource } from '../quotes/sources'
import type { ImportContext, PostScope } from './context'
import { uniqueSlug } from './slugs'

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase()

export async function loadSources(ctx: ImportContext): Promise<void> {
  const { docs } = await ctx.payload.find({
    collection: SOURCES,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true },
  })
  for (const source of docs) ctx.sources.set(key(source.name), source.id)
}

/**
 * The source a quotation names, found by its canonical name ("the AP" is Associated Press) or
 * created with the kind its name makes obvious (else "other"). Undefined when nothing is nameable.
 */
export async function resolveSource(
  scope: PostScope,
  written: string,
  descriptor?: string,
): Promise<number | string | undefined> {
  const { ctx, req } = scope
  const canonical = canonicalSource(written, descriptor)
  if (!canonical) return undefined
  const known = ctx.sources.get(key(canonical.name)) ?? ctx.sources.get(key(written))
  if (known !== undefined) {
    if (!ctx.sourceTally.created.has(known)) ctx.sourceTally.reused.add(known)
    return known
  }
  const slug = await uniqueSlug(scope, SOURCES, canonical.name)
  const notes =
    `Added by the blog import; first quoted as "${written}${descriptor ? `, ${descriptor}` : ''}".`.slice(
      0,
      2000,
    )
  const id = ctx.dryRun
    ? -ctx.nextFakeId()
    : (
        await ctx.payload.create({
          collection: SOURCES,
          data: { name: canonical.name, slug, kind: canonical.kind, notes },
          depth: 0,
          overrideAccess: true,
          req,
        })
      ).id
  ctx.sources.stage(key(canonical.name), id)
  ctx.sourceTally.created.add(id)
  return id
}
