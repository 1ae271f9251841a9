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
 * Saves with `body` as given; Quote blocks without a source are added by `storeUnsourcedBody`.
 */
export async function upsertArticle(
  scope: PostScope,
  importKey: string,
  fields: ImportedFields,
  fullBody: unknown,
): Promise<Upserted> {
  const { ctx, req } = scope
  const existing = await findImported(scope, importKey)
  if (existing) {
    const base = {
      id: existing.id,
      slug: existing.slug ?? '',
      reviewState: existing.reviewState ?? 'draft',
    }
    if (fingerprint(fieldsOf(existing)) === fingerprint({ ...fields, body: fullBody }))
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

/**
 * Puts back the Quote blocks whose source nobody named. A Quote block must cite a source to be
 * saved, so the article was saved without them; they are written into its latest draft here, below
 * validation, for an editor to resolve: the submit check refuses the article ("Quote block 2 names
 * no source") and the editor's next save asks for the source. The live version is never touched.
 */
export async function storeUnsourcedBody(
  { ctx, req }: PostScope,
  id: number | string,
  body: unknown,
): Promise<void> {
  if (ctx.dryRun) return
  const live = await ctx.payload.count({
    collection: ARTICLES,
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  if (!live.totalDocs)
    await ctx.payload.db.updateOne({ collection: ARTICLES, id, data: { body }, req })
  const { docs } = await ctx.payload.db.findVersions({
    collection: ARTICLES,
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    req,
  })
  const latest = docs[0]
  if (latest) {
    await ctx.payload.db.updateVersion({
      collection: ARTICLES,
      id: latest.id,
      versionData: { ...latest, version: { ...(latest.version as object), body } } as never,
      req,
    })
  }
}
