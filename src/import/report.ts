import type { CommentCounts } from './comments'
import type { Format, SkippedEntry } from './types'

export type PostResult = {
  file: string
  title: string
  importKey: string
  outcome: 'created' | 'updated' | 'unchanged' | 'failed'
  id?: number | string
  slug?: string
  error?: string
  quotes: { attributed: number; unattributed: string[] }
  comments: CommentCounts
  notes: string[]
  /** With --publish-as-is: "published", "already published", or why not. */
  published?: string
}

export type FileResult = {
  file: string
  format?: Format
  posts: number
  skipped: SkippedEntry[]
  error?: string
}

export type ImportReport = {
  files: FileResult[]
  posts: PostResult[]
  authors: { created: number; reused: number }
  sources: { created: number; reused: number }
  seconds: number
  dryRun: boolean
  publishAsIs: boolean
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`
const short = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Whether the import did all it could: every file read and every post saved. */
export const importSucceeded = (report: ImportReport): boolean =>
  report.files.every((file) => !file.error) &&
  report.posts.every((post) => post.outcome !== 'failed')

/** The report printed at the end of an import: totals first, then what needs a person's attention. */
export function formatReport(report: ImportReport): string {
  const count = (outcome: PostResult['outcome']) =>
    report.posts.filter((post) => post.outcome === outcome).length
  const sum = (pick: (post: PostResult) => number) =>
    report.posts.reduce((total, post) => total + pick(post), 0)
  const comments = (key: keyof CommentCounts) => sum((post) => post.comments[key])
  const newComments =
    comments('approved') + comments('pending') + comments('rejected') + comments('spam')
  const skipped = report.files.flatMap((file) =>
    file.skipped.map((entry) => ({ file: file.file, ...entry })),
  )
  const attributed = sum((post) => post.quotes.attributed)
  const unattributed = report.posts.flatMap((post) =>
    post.quotes.unattributed.map((quote) => ({ post, quote })),
  )
  const rate = report.seconds > 0 ? report.posts.length / report.seconds : 0
  const will = report.dryRun ? 'would be ' : ''

  const lines = [
    `${report.dryRun ? 'Dry run (nothing was saved): ' : ''}${plural(report.files.length, 'file')}, ${plural(report.posts.length, 'post')} in ${report.seconds.toFixed(1)} s (${rate.toFixed(0)} posts/s)`,
    `Posts:    ${count('created')} ${will}created, ${count('updated')} ${will}updated, ${count('unchanged')} unchanged, ${count('failed')} failed, ${skipped.length} skipped`,
    `Comments: ${newComments} ${will}created (${comments('approved')} approved, ${comments('pending')} pending, ${comments('spam')} spam, ${comments('rejected')} rejected), ${comments('existing')} already there`,
    `Authors:  ${report.authors.created} ${will}created, ${report.authors.reused} reused`,
    `Sources:  ${report.sources.created} ${will}created, ${report.sources.reused} reused`,
    `Quotes:   ${attributed} with attribution, ${unattributed.length} without (an editor must pick a source before submitting)`,
  ]
  if (report.publishAsIs) {
    const published = report.posts.filter((post) => post.published === 'published').length
    lines.push(
      `Published as is: ${published}; ${report.posts.filter((post) => post.published && post.published !== 'published').length} not (listed below)`,
    )
  }

  const byFile = report.files.map((file) => {
    const what = file.error
      ? `not imported: ${file.error}`
      : `${file.format}, ${plural(file.posts, 'post')}`
    return `  ${file.file}: ${what}`
  })
  lines.push('', 'Files:', ...byFile)

  const posts = report.posts.map((post) => {
    const where = post.slug ? ` → ${post.slug}` : ''
    const extra = [
      post.outcome === 'failed' ? `FAILED: ${post.error}` : undefined,
      post.comments.approved + post.comments.pending + post.comments.spam + post.comments.rejected
        ? plural(
            post.comments.approved +
              post.comments.pending +
              post.comments.spam +
              post.comments.rejected,
            'comment',
          )
        : undefined,
      post.published && post.published !== 'published' ? post.published : undefined,
      ...post.notes,
    ].filter(Boolean)
    return `  ${post.outcome.padEnd(9)} "${short(post.title, 60)}"${where}${extra.length ? ` (${extra.join('; ')})` : ''}`
  })
  if (posts.length <= 50) lines.push('', 'Posts:', ...posts)
  else
    lines.push(
      '',
      `Posts: ${report.posts.length} (listed only up to 50; failures and notes below)`,
      ...posts
        .filter((_, i) => report.posts[i]!.outcome === 'failed' || report.posts[i]!.notes.length)
        .slice(0, 50),
    )

  if (skipped.length)
    lines.push(
      '',
      'Not imported:',
      ...skipped.map((entry) => `  ${entry.file}: "${short(entry.title, 60)}" — ${entry.reason}`),
    )
  if (unattributed.length) {
    lines.push(
      '',
      'Quotes without attribution:',
      ...unattributed
        .slice(0, 50)
        .map(({ post, quote }) => `  ${post.slug ?? post.title}: ${short(quote, 90)}`),
      ...(unattributed.length > 50 ? [`  … and ${unattributed.length - 50} more`] : []),
    )
  }
  return lines.join('\n')
}
