import path from 'node:path'

import { createLocalReq, ValidationError } from 'payload'

import { inTransaction } from '../db/transaction'

import { clip, quotesOf, standfirst } from './articleData'
import { toLexical } from './body/toLexical'
import { emptyCommentCounts } from './comments'
import { sha1 } from './formats/common'
import type { PostResult } from './report'
import { upsertArticle } from './store/articles'
import { resolveAuthors } from './store/authors'
import { importComments } from './store/comments'
import { commitScope, rollbackScope, type ImportContext, type PostScope } from './store/context'
import { localImage, mediaFor } from './store/media'
import { resolveSource } from './store/sources'
import type { ImportedPost } from './types'

/** One line for a failed save: Payload's field errors by path, or the error's message. */
function describe(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = (error.data?.errors ?? []).map(
      (e: { path: string; message: string }) => `${e.path}: ${e.message}`,
    )
    return fields.length ? fields.join('; ') : error.message
  }
  return error instanceof Error ? error.message : String(error)
}

/** The sources of the post's quotations, by the name written; the unattributed ones go into the result. */
async function citedSources(
  scope: PostScope,
  post: ImportedPost,
  result: PostResult,
): Promise<Map<string, number | string>> {
  const sources = new Map<string, number | string>()
  for (const quote of quotesOf(post.body)) {
    const id = quote.source ? await resolveSource(scope, quote.source, quote.descriptor) : undefined
    if (id !== undefined) {
      sources.set(quote.source!, id)
      result.quotes.attributed++
    } else
      result.quotes.unattributed.push(
        `“${clip(quote.text, 70)}”${quote.hint ? ` (${quote.hint})` : ''}`,
      )
  }
  return sources
}

/** Media for the post's embedded and local images; the others are noted and left out. */
async function uploadedImages(
  scope: PostScope,
  post: ImportedPost,
  file: string,
  result: PostResult,
): Promise<Map<string, number | string>> {
  const media = new Map<string, number | string>()
  for (const block of post.body) {
    if (block.type !== 'image' || media.has(block.src)) continue
    const image = localImage(block.src, path.dirname(path.resolve(file)))
    if ('skipped' in image) result.notes.push(`left out ${image.skipped}`)
    else media.set(block.src, await mediaFor(scope, image, block.alt))
  }
  return media
}

/** Saves one post, its authors, sources, images and comments, in a transaction of its own. */
export async function importPost(
  ctx: ImportContext,
  post: ImportedPost,
  file: string,
): Promise<PostResult & { reviewState?: string }> {
  const result: PostResult = {
    file,
    title: post.title,
    importKey: post.importKey,
    outcome: 'failed',
    quotes: { attributed: 0, unattributed: [] },
    comments: emptyCommentCounts(),
    notes: [...post.notes],
  }
  const req = await createLocalReq({}, ctx.payload)
  const scope: PostScope = { ctx, req }
  try {
    const { saved, comments } = await inTransaction(req, async () => {
      const authors = await resolveAuthors(scope, post.authors)
      const sources = await citedSources(scope, post, result)
      const media = await uploadedImages(scope, post, file, result)
      const refs = {
        sourceId: (name: string) => sources.get(name),
        mediaId: (src: string) => media.get(src),
      }
      const idPrefix = sha1(post.importKey).slice(0, 12)
      // A quote whose source nobody named is kept without one, for an editor to resolve: the
      // submission guard refuses the article until then ("Quote block 2 names no source").
      const body = toLexical(post.body, refs, idPrefix)
      if (post.title.length > 200) result.notes.push('the title was shortened to 200 characters')
      const fields = {
        title: clip(post.title, 200),
        dek: standfirst(post),
        body,
        authors,
        tags: post.tags,
        publishedAt: post.publishedAt ?? null,
        originalUrl: post.originalUrl ? post.originalUrl.slice(0, 2000) : null,
        commentsEnabled: post.commentsEnabled,
      }
      const saved = await upsertArticle(scope, post.importKey, fields)
      const comments = await importComments(
        scope,
        saved.id,
        post.comments,
        saved.outcome === 'created',
      )
      result.notes.push(...comments.problems)
      return { saved, comments }
    })
    commitScope(ctx)
    return {
      ...result,
      outcome: saved.outcome,
      id: saved.id,
      slug: saved.slug,
      comments: comments.counts,
      reviewState: saved.reviewState,
    }
  } catch (error) {
    rollbackScope(ctx)
    return { ...result, quotes: { attributed: 0, unattributed: [] }, error: describe(error) }
  }
}
