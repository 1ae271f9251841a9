import type { Comment } from '../payload-types'

/** What every input format is turned into before anything is written: plain data, no Payload. */

export const FORMATS = ['blogger', 'wordpress', 'html', 'text'] as const
export type Format = (typeof FORMATS)[number]

/** A stretch of inline text with Lexical's format bits (1 bold, 2 italic, 4 strikethrough, 8 underline, 16 code…). */
export type Run = { text: string; format: number; link?: string } | { br: true }

export type ListItem = { runs: Run[]; nested: ListBlock[] }
export type ListBlock = { type: 'list'; ordered: boolean; items: ListItem[] }

export type QuoteBlock = {
  type: 'quote'
  text: string
  /** The source's name as written; absent when nobody is named. */
  source?: string
  /** What the text said instead of a name ("he said", "officials said"), for the report. */
  hint?: string
  /** Words describing the source ("an economist at Acme"), kept in a new source's notes. */
  descriptor?: string
  url?: string
}

export type BodyBlock =
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'heading'; tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'; runs: Run[] }
  | ListBlock
  | QuoteBlock
  | { type: 'image'; src: string; alt: string }
  | { type: 'hr' }

export type ImportedAuthor = { name: string; email?: string }

export type CommentStatus = NonNullable<Comment['status']>

export type ImportedComment = {
  /** Unique within its post; replies name it as `parentKey`. */
  key: string
  parentKey?: string
  authorName: string
  authorEmail?: string
  date: string
  body: string
  status: CommentStatus
}

/** How the post stood on the old blog: only published posts go live with --publish-as-is. */
export type OriginalStatus = 'published' | 'draft' | 'pending' | 'private' | 'scheduled'

export type ImportedPost = {
  /** Identifies the post across imports: `blogger:<entry id>`, `wordpress:<guid>`, `file:<sha1>`. */
  importKey: string
  title: string
  /** The post's own summary or excerpt, when the export has one (used as the standfirst). */
  summary?: string
  publishedAt?: string
  originalUrl?: string
  authors: ImportedAuthor[]
  tags: string[]
  body: BodyBlock[]
  comments: ImportedComment[]
  status: OriginalStatus
  commentsEnabled: boolean
  /** Things worth telling the editor (an untitled post, remote images left out). */
  notes: string[]
}

/** A post the export holds but that is deliberately not imported (pages, trashed posts). */
export type SkippedEntry = { title: string; reason: string }

export type ParsedFile = { format: Format; posts: ImportedPost[]; skipped: SkippedEntry[] }

/** A file that cannot be imported at all; the message names the problem, the CLI adds the file. */
export class ImportInputError extends Error {
  override name = 'ImportInputError'
}
