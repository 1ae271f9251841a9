import { COMMENTS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import {
  commentIdentity,
  emptyCommentCounts,
  prepareComments,
  type CommentCounts,
} from '../comments'
import type { ImportedComment } from '../types'
import type { PostScope } from './context'

/**
 * Adds a post's comments that are not there yet, with their own dates, authors and statuses,
 * replies linked to their parents. Written below the comment hooks (`payload.db`): those screen
 * readers' comments and accept them on published articles only, while an import brings in
 * comments that were already moderated, onto drafts, without emailing anyone. Emails are kept in
 * `authorEmail`, which only staff can read.
 */
export async function importComments(
  { ctx, req }: PostScope,
  articleId: number | string,
  comments: ImportedComment[],
  isNew: boolean,
): Promise<{ counts: CommentCounts; problems: string[] }> {
  const counts = emptyCommentCounts()
  const problems: string[] = []
  if (!comments.length) return { counts, problems }
  const idByIdentity = new Map<string, number | string>()
  if (!isNew && articleId !== undefined) {
    const { docs } = await ctx.payload.find({
      collection: COMMENTS,
      where: { article: { equals: articleId } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) idByIdentity.set(commentIdentity(doc), doc.id)
  }
  const idByKey = new Map<string, number | string>()
  for (const comment of prepareComments(comments)) {
    problems.push(...comment.problems)
    const identity = commentIdentity(comment)
    const existing = idByIdentity.get(identity)
    if (existing !== undefined) {
      idByKey.set(comment.key, existing)
      counts.existing++
      continue
    }
    const parent = comment.parentKey ? idByKey.get(comment.parentKey) : undefined
    const id = ctx.dryRun
      ? -ctx.nextFakeId()
      : idOf(
          await ctx.payload.db.create({
            collection: COMMENTS,
            data: {
              article: articleId,
              parent: parent ?? null,
              authorName: comment.authorName,
              authorEmail: comment.authorEmail ?? null,
              body: comment.body,
              status: comment.status,
              createdAt: comment.date,
              updatedAt: comment.date,
            },
            req,
          }),
        )!
    idByKey.set(comment.key, id)
    idByIdentity.set(identity, id)
    counts[comment.status]++
  }
  return { counts, problems }
}
