export type FlatComment = {
  id: number | string
  parent?: unknown
  authorName: string
  body: string
  createdAt: string
}
export type ThreadedComment = {
  id: number | string
  authorName: string
  body: string
  createdAt: string
  replies: ThreadedComment[]
}

const idOf = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

/**
 * Nests replies under the comments they answer, oldest first at every level. A reply whose parent
 * is not in the list (not approved, say) is left out with its own replies, rather than shown out
 * of context.
 */
export function threadComments(comments: readonly FlatComment[]): ThreadedComment[] {
  const sorted = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const nodes = new Map(
    sorted.map((c) => [
      String(c.id),
      {
        id: c.id,
        authorName: c.authorName,
        body: c.body,
        createdAt: c.createdAt,
        replies: [] as ThreadedComment[],
      },
    ]),
  )
  const roots: ThreadedComment[] = []
  for (const comment of sorted) {
    const node = nodes.get(String(comment.id))!
    const parent = idOf(comment.parent)
    if (parent === undefined || parent === null || parent === '') roots.push(node)
    else nodes.get(String(parent))?.replies.push(node)
  }
  return roots
}
