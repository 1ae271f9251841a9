import { attachNeighbourAttributions, splitQuotedParagraph } from '../body/quotes'
import { parseLooseDate, withTime } from '../dates'
import {
  ImportInputError,
  type BodyBlock,
  type ImportedComment,
  type ListBlock,
  type ParsedFile,
  type Run,
} from '../types'
import { cleanTags, fallbackTitle, fileImportKey } from './common'

const COMMENTS_LINE = /^(?:\d+|no|one)\s+comments?:?$/i
const POSTED_BY = /^posted by\s+(.+?)(?:\s+at\s+(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?))?\.?$/i
const BY_LINE = /^by\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/u
const LABELS = /^(?:labels?|tags?|categories|filed under):\s*(.+)$/i
const CHROME =
  /^(?:share|share this( post)?|email this|blogthis!?|share to (?:twitter|x|facebook|pinterest)|newer post|older post|home|subscribe to:.*|post comments \(atom\)|read more|reactions?:.*)$/i
const SAID = /^(.{1,100}?)\s+(?:said|wrote)\s*(?:\.{3}|…)?:?$/i
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"“”]+[^\s<>"“”.,;:!?)]/g

/** Text with its web addresses as links. */
function linkedRuns(text: string): Run[] {
  const runs: Run[] = []
  let at = 0
  for (const match of text.matchAll(URL_IN_TEXT)) {
    if (match.index! > at) runs.push({ text: text.slice(at, match.index), format: 0 })
    runs.push({ text: match[0], format: 0, link: match[0] })
    at = match.index! + match[0].length
  }
  if (at < text.length) runs.push({ text: text.slice(at), format: 0 })
  return runs
}

const joinLines = (lines: string[]) =>
  lines
    .map((line) => line.trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()

/** Paragraphs separated by blank lines; "> " lines quote, "- "/"1. " lines list, "# " lines head. */
export function blocksFromText(paragraphs: string[][]): BodyBlock[] {
  const blocks: BodyBlock[] = []
  for (const lines of paragraphs) {
    if (lines.every((line) => /^>\s?/.test(line))) {
      blocks.push({
        type: 'quote',
        text: joinLines(lines.map((line) => line.replace(/^>\s?/, ''))),
      })
    } else if (lines.every((line) => /^(?:[-*•]|\d+[.)])\s+/.test(line))) {
      const list: ListBlock = {
        type: 'list',
        ordered: /^\d/.test(lines[0]!),
        items: lines.map((line) => ({
          runs: linkedRuns(line.replace(/^(?:[-*•]|\d+[.)])\s+/, '')),
          nested: [],
        })),
      }
      blocks.push(list)
    } else if (lines.length === 1 && /^#{1,6}\s+/.test(lines[0]!)) {
      const level = /^#+/.exec(lines[0]!)![0].length
      blocks.push({
        type: 'heading',
        tag: `h${Math.min(level + 1, 6)}` as 'h2',
        runs: linkedRuns(lines[0]!.replace(/^#+\s+/, '')),
      })
    } else {
      blocks.push(...splitQuotedParagraph(linkedRuns(joinLines(lines))))
    }
  }
  return attachNeighbourAttributions(blocks)
}

const paragraphsOf = (lines: string[]): string[][] => {
  const out: string[][] = [[]]
  for (const line of lines) {
    if (line.trim()) out.at(-1)!.push(line.trim())
    else if (out.at(-1)!.length) out.push([])
  }
  return out.filter((paragraph) => paragraph.length)
}

/** Comments as a blog page prints them: "Name said...", the text, then the date line. */
function commentsFrom(lines: string[]): ImportedComment[] {
  const comments: ImportedComment[] = []
  let current: { name: string; body: string[]; date?: string } | undefined
  const close = () => {
    const body = current?.body
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
    if (current && body) {
      comments.push({
        key: `c${comments.length + 1}`,
        authorName: current.name.slice(0, 100),
        date: current.date ?? new Date(0).toISOString(),
        body,
        status: 'approved',
      })
    }
    current = undefined
  }
  for (const line of lines) {
    const said = SAID.exec(line.trim())
    const date = parseLooseDate(line)
    if (said && !date) {
      close()
      current = { name: said[1]!.trim(), body: [] }
    } else if (current && date && !current.date) {
      current.date = date
      close()
    } else if (
      current &&
      !CHROME.test(line.trim()) &&
      !/^(?:post a comment|reply|delete)$/i.test(line.trim())
    )
      current.body.push(line.trim())
  }
  close()
  return comments
}

/**
 * A post copied from a blog as plain text: a date line ("Friday, October 18, 2024") and a title
 * line in either order, paragraphs, the blog's "Posted by … at …" and "Labels:" lines, and
 * comments after a "N comments:" line.
 */
export function parsePlainText(text: string): ParsedFile {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  const commentsAt = lines.findIndex((line) => COMMENTS_LINE.test(line.trim()))
  const main = commentsAt >= 0 ? lines.slice(0, commentsAt) : lines
  let day: string | undefined
  let title: string | undefined
  let author: string | undefined
  let time: string | undefined
  const tags: string[] = []
  const bodyLines: string[] = []
  for (const line of main) {
    const trimmed = line.trim()
    const posted = POSTED_BY.exec(trimmed)
    const labels = LABELS.exec(trimmed)
    if (!trimmed) bodyLines.push('')
    else if (!day && !bodyLines.some((l) => l.trim()) && parseLooseDate(trimmed))
      day = parseLooseDate(trimmed)
    else if (!title && !bodyLines.some((l) => l.trim())) title = trimmed
    else if (posted) [author, time] = [posted[1], posted[2]]
    else if (labels) tags.push(...labels[1]!.split(/[,;]/))
    else if (!author && !bodyLines.some((l) => l.trim()) && BY_LINE.test(trimmed))
      author = BY_LINE.exec(trimmed)![1]
    else if (!CHROME.test(trimmed)) bodyLines.push(line)
  }
  const body = blocksFromText(paragraphsOf(bodyLines))
  if (!title && !body.length)
    throw new ImportInputError('no post found in the text (expected a title line and paragraphs)')
  if (!body.length)
    throw new ImportInputError(`the text has a title ("${title!.slice(0, 60)}") but no paragraphs`)
  const publishedAt = day && time ? withTime(day, time) : day
  const notes: string[] = []
  if (!day) notes.push('no date line found; publishedAt is left empty')
  const finalTitle = title ?? fallbackTitle(body, publishedAt)
  return {
    format: 'text',
    posts: [
      {
        importKey: fileImportKey(undefined, finalTitle, publishedAt),
        title: finalTitle,
        ...(publishedAt ? { publishedAt } : {}),
        authors: author ? [{ name: author.trim() }] : [],
        tags: cleanTags(tags, notes),
        body,
        comments: commentsAt >= 0 ? commentsFrom(lines.slice(commentsAt + 1)) : [],
        status: 'published',
        commentsEnabled: true,
        notes,
      },
    ],
    skipped: [],
  }
}
