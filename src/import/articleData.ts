import { runsText } from './body/runs'
import type { BodyBlock, ImportedPost, QuoteBlock } from './types'

const DEK_MAX = 300

/** Shortens at a word boundary, with an ellipsis when anything was cut. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.-]+$/, '')}…`
}

/** The standfirst of an imported post: its own summary, else its first paragraph (the submit check needs one). */
export function standfirst(post: Pick<ImportedPost, 'summary' | 'body'>): string {
  if (post.summary?.trim()) return clip(post.summary, DEK_MAX)
  const first = post.body.find(
    (block) => block.type === 'paragraph' && runsText(block.runs).trim().length > 0,
  )
  return first && first.type === 'paragraph' ? clip(runsText(first.runs), DEK_MAX) : ''
}

export const quotesOf = (blocks: BodyBlock[]): QuoteBlock[] =>
  blocks.filter((block): block is QuoteBlock => block.type === 'quote')

/** The fields an import sets, in a form that compares equal when nothing changed. */
export type ImportedFields = {
  title: string
  dek: string
  body: unknown
  authors: (number | string)[]
  tags: string[]
  publishedAt: string | null
  originalUrl: string | null
  commentsEnabled: boolean
}

/** A stable fingerprint of the imported fields, to tell an unchanged post from a changed one. */
export function fingerprint(fields: ImportedFields): string {
  const normal = {
    ...fields,
    authors: fields.authors.map(String).sort(),
    publishedAt: fields.publishedAt ? new Date(fields.publishedAt).toISOString() : null,
  }
  return JSON.stringify(normal, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  )
}
