import path from 'node:path'

import { parseXml } from '../parse/xml'
import { FORMATS, ImportInputError, type Format, type ParsedFile } from '../types'
import { parseBlogger } from './blogger'
import { looksLikeHtml, parseHtmlPage } from './htmlPage'
import { parsePlainText } from './plainText'
import { parseWordPress } from './wordpress'

export const isFormat = (value: string): value is Format =>
  (FORMATS as readonly string[]).includes(value)

/** The first element name of an XML document, past the declaration, comments and doctype. */
const rootName = (text: string): string | undefined =>
  /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w:.-]*)/.exec(
    text,
  )?.[1]

/** Which format a file is in, from its content first and its name second. */
export function detectFormat(fileName: string, text: string): Format {
  const content = text.replace(/^\uFEFF/, '')
  if (!content.trim()) throw new ImportInputError('the file is empty')
  if (content.includes('\u0000'))
    throw new ImportInputError('unknown format: binary data, not an export, an HTML page or text')
  if (looksLikeHtml(content)) return 'html'
  const root = rootName(content)
  if (root === 'feed') return 'blogger'
  if (root === 'rss') return 'wordpress'
  if (/\.(html?|xhtml)$/i.test(fileName)) return 'html'
  if (root || /^\s*</.test(content)) {
    throw new ImportInputError(
      `unknown format: XML whose root element is <${root ?? '?'}>; expected a Blogger export (<feed>), a WordPress export (<rss>) or an HTML page`,
    )
  }
  return 'text'
}

/** Reads a file's content in the given format. Throws ImportInputError naming the problem. */
export function parseContent(format: Format, text: string): ParsedFile {
  const content = text.replace(/^\uFEFF/, '')
  if (!content.trim()) throw new ImportInputError('the file is empty')
  switch (format) {
    case 'blogger':
      return parseBlogger(parseXml(content))
    case 'wordpress':
      return parseWordPress(parseXml(content))
    case 'html':
      return parseHtmlPage(content)
    case 'text':
      return parsePlainText(content)
  }
}

/** Files an import reads: the file itself, or every file in a folder (sorted, hidden files skipped). */
export const IMPORTABLE_EXTENSIONS = new Set([
  '.xml',
  '.atom',
  '.wxr',
  '.html',
  '.htm',
  '.txt',
  '.text',
  '.md',
])
export const isImportableName = (name: string): boolean =>
  !name.startsWith('.') && IMPORTABLE_EXTENSIONS.has(path.extname(name).toLowerCase())
