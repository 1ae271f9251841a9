import { checkFields, LIMITS } from '../services/comments/rules'
import type { CommentStatus, ImportedComment } from './types'

export type PreparedComment = ImportedComment & { problems: string[] }

/** The identity of a comment across imports: who, when, and what (an export's own ids may change). */
export const commentIdentity = (c: {
  authorName: string
  date?: string
  createdAt?: string
  body: string
}): string =>
  `${c.authorName.trim().toLowerCase()}\n${new Date(c.date ?? c.createdAt ?? 0).toISOString()}\n${c.body.trim()}`

/**
 * Comments fitted to the comment rules (name 1–100, body 1–5,000, a valid email or none), parents
 * before their replies, oldest first. What had to change is said in `problems`.
 */
export function prepareComments(comments: ImportedComment[]): PreparedComment[] {
  const prepared = comments.map((comment): PreparedComment => {
    const problems: string[] = []
    let { authorName, authorEmail, body } = comment
    authorName = authorName.trim().slice(0, LIMITS.authorName) || 'Anonymous'
    body = body.trim()
    if (body.length > LIMITS.body) {
      body = `${body.slice(0, LIMITS.body - 1)}…`
      problems.push(`a comment by ${authorName} was cut to ${LIMITS.body} characters`)
    }
    const { errors } = checkFields({ authorName, authorEmail, body }, { emailRequired: false })
    if (errors.some((error) => error.path === 'authorEmail')) authorEmail = undefined
    return {
      ...comment,
      authorName,
      body,
      ...(authorEmail ? { authorEmail } : { authorEmail: undefined }),
      problems,
    }
  })
  const byKey = new Map(prepared.map((comment) => [comment.key, comment]))
  const ordered: PreparedComment[] = []
  const placed = new Set<string>()
  const place = (comment: PreparedComment, seen: Set<string>) => {
    if (placed.has(comment.key) || seen.has(comment.key)) return
    seen.add(comment.key)
    const parent = comment.parentKey ? byKey.get(comment.parentKey) : undefined
    if (parent) place(parent, seen)
    placed.add(comment.key)
    ordered.push(comment)
  }
  for (const comment of [...prepared].sort((a, b) => a.date.localeCompare(b.date)))
    place(comment, new Set())
  return ordered
}

export type CommentCounts = Record<CommentStatus, number> & { existing: number }
export const emptyCommentCounts = (): CommentCounts => ({
  approved: 0,
  pending: 0,
  rejected: 0,
  spam: 0,
  existing: 0,
})
