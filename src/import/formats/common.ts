import { createHash } from 'node:crypto'

import { runsText } from '../body/runs'
import { isElement, parseHtml, type ChildNode } from '../parse/dom'
import type { BodyBlock } from '../types'

export const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')

/** The identity of a post read from a file (a saved page, a copied text): its URL, else title and date. */
export const fileImportKey = (
  originalUrl: string | undefined,
  title: string,
  date: string | undefined,
): string => `file:${sha1(originalUrl ?? `${title.trim().toLowerCase()}\n${date ?? ''}`)}`

/** Tags as the CMS keeps them: trimmed, lowercase, unique, at most 50 characters and 20 tags. */
export function cleanTags(raw: string[], notes: string[]): string[] {
  const tags = [
    ...new Set(
      raw
        .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, ' '))
        .filter((tag) => tag && tag !== 'uncategorized'),
    ),
  ]
  const fitting = tags.map((tag) => (tag.length > 50 ? tag.slice(0, 50).trim() : tag))
  if (fitting.length > 20)
    notes.push(`${fitting.length - 20} tags beyond the first 20 were left out`)
  return [...new Set(fitting)].slice(0, 20)
}

const firstText = (blocks: BodyBlock[]): string => {
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading')
      return runsText(block.runs).replace(/\s+/g, ' ').trim()
    if (block.type === 'quote') return block.text
  }
  return ''
}

/** A title for an untitled post: its first words, else its date. */
export function fallbackTitle(blocks: BodyBlock[], date: string | undefined): string {
  const words = firstText(blocks).split(' ').filter(Boolean)
  if (words.length) return words.length > 10 ? `${words.slice(0, 10).join(' ')}…` : words.join(' ')
  return `Untitled post${date ? ` of ${date.slice(0, 10)}` : ''}`
}

/** Plain text of an HTML comment: paragraphs as blank lines, `<br>` as newlines, tags dropped. */
export function htmlToPlainText(html: string): string {
  let out = ''
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') out += node.data.replace(/[\s\u00a0]+/g, ' ')
      else if (isElement(node)) {
        if (node.name === 'script' || node.name === 'style') continue
        if (node.name === 'br') out += '\n'
        else if (
          [
            'p',
            'div',
            'blockquote',
            'li',
            'ul',
            'ol',
            'pre',
            'h1',
            'h2',
            'h3',
            'h4',
            'h5',
            'h6',
          ].includes(node.name)
        ) {
          out += '\n\n'
          walk(node.children)
          out += '\n\n'
        } else walk(node.children)
      }
    }
  }
  walk(parseHtml(html).children)
  return out
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** An email worth keeping: not a no-reply placeholder. */
export const realEmail = (email: string | undefined): string | undefined => {
  const value = email?.trim().toLowerCase()
  if (
    !value ||
    !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ||
    /^no-?reply@|@blogger\.com$/.test(value)
  )
    return undefined
  return value
}
