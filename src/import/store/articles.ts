import { ARTICLES } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import type { Article } from '../../payload-types'
import { fingerprint, type ImportedFields } from '../articleData'
import type { PostScope } from './context'
import { uniqueSlug } from './slugs'

export type Upserted = {
  id: number | string
  slug: string
  outcome: 'created' | 'updated' | 'unchanged'
  reviewState: string
}

const fieldsOf = (doc: Article): ImportedFields => ({
  title: doc.title,
  dek: doc.dek ?? '',
  body: doc.body ?? null,
  authors: (doc.authors ?? []).map((author) => idOf(author)!),
  tags: doc.tags ?? [],
  publishedAt: doc.publishedAt ?? null,
  originalUrl: doc.originalUrl ?? null,
  commentsEnabled: doc.commentsEnabled !== false,
})

/** The latest version of the article imported under `importKey`, if any. */
async function findImported(
  { ctx, req }: PostScope,
  importKey: string,
): Promise<Article | undefined> {
  // The key never changes between versions: find the id on the main table (indexed), then the latest version.
  const { docs } = await ctx.payload.find({
    collection: ARTICLES,
    where: { importKey: { equals: importKey } },
    select: { importKey: true },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (!docs[0]) return undefined
  return ctx.payload.findByID({
    collection: ARTICLES,
    id: docs[0].id,
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/**
 * Creates the article as a draft, or updates the latest draft of the one imported before under
 * the same key when the post changed (a live article gets a new draft revision, as any edit does).
 */
export async function upsertArticle(
  scope: PostScope,
  importKey: string,
  fields: ImportedFields,
): Promise<Upserted> {
  const { ctx, req } = scope
  const existing = await findImported(scope, importKey)
  if (existing) {
    const base = {
      id: existing.id,
      slug: existing.slug ?? '',
      reviewState: existing.reviewState ?? 'draft',
    }
    if (fingerprint(fieldsOf(existing)) === fingerprint(fields))
      return { ...base, outcome: 'unchanged' }
    if (!ctx.dryRun) {
      const doc = await ctx.payload.update({
        collection: ARTICLES,
        id: existing.id,
        data: fields as Partial<Article>,
        draft: true,
        depth: 0,
        overrideAccess: true,
        req,
      })
      return { ...base, reviewState: doc.reviewState ?? 'draft', outcome: 'updated' }
    }
    return { ...base, outcome: 'updated' }
  }
  const slug = await uniqueSlug(scope, ARTICLES, fields.title)
  if (ctx.dryRun) return { id: -ctx.nextFakeId(), slug, outcome: 'created', reviewState: 'draft' }
  const doc = await ctx.payload.create({
    collection: ARTICLES,
    data: { ...fields, slug, importKey } as Partial<Article> as Article,
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return {
    id: doc.id,
    slug: doc.slug ?? slug,
    outcome: 'created',
    reviewState: doc.reviewState ?? 'draft',
  }
}
