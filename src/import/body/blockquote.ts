import {
  attr,
  byTag,
  findAll,
  isElement,
  textContent,
  type ChildNode,
  type Element,
} from '../parse/dom'
import { attributionLine, findQuotes } from '../quotes/attribution'
import type { QuoteBlock } from '../types'
import { BLOCK_CONTAINERS, DROPPED, HEADINGS, resolveLink } from './elements'

/**
 * A blockquote as a Quote block: its text (a nested blockquote kept inside, in quotation marks),
 * its source from a `<cite>`/`<footer>`, a last line "— Name", or an attribution in the text itself,
 * and its `cite` URL.
 */
export function quoteOf(element: Element, options: { baseUrl?: string }): QuoteBlock {
  const cite = findAll(element, byTag('cite', 'footer'))
    .filter((node) => !findAll(node, byTag('blockquote')).length)
    .at(-1)
  const paragraphs = quoteParagraphs(element.children, cite)
  let source: Pick<QuoteBlock, 'source' | 'hint' | 'descriptor'> = {}
  if (cite) source = attributionLine(`— ${textContent(cite)}`) ?? {}
  else if (paragraphs.length > 1 && attributionLine(paragraphs.at(-1)!))
    source = attributionLine(paragraphs.pop()!)!
  let text = paragraphs.join('\n\n')
  if (!source.source && !source.hint) {
    const [finding] = findQuotes(text)
    if (
      finding &&
      (finding.source || finding.hint) &&
      finding.start === 0 &&
      finding.end >= text.trimEnd().length - 1
    ) {
      text = finding.quote
      source = { source: finding.source, hint: finding.hint, descriptor: finding.descriptor }
    }
  }
  const url = resolveLink(attr(element, 'cite'), options.baseUrl)
  const clean = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value),
  ) as typeof source
  return {
    type: 'quote',
    text: text.slice(0, 5000),
    ...clean,
    ...(url && !url.startsWith('mailto:') ? { url } : {}),
  }
}

function quoteParagraphs(nodes: ChildNode[], skip: Element | undefined): string[] {
  const out: string[] = []
  let line = ''
  const push = () => {
    if (line.trim()) out.push(line.replace(/[\s\u00a0]+/g, ' ').trim())
    line = ''
  }
  const walk = (list: ChildNode[]) => {
    for (const node of list) {
      if (node === skip) continue
      if (node.type === 'text') line += node.data
      else if (isElement(node)) {
        if (DROPPED.has(node.name)) continue
        if (node.name === 'blockquote') {
          push()
          const inner = quoteParagraphs(node.children, undefined).join(' ')
          if (inner) out.push(`“${inner.replace(/^[“"]|[”"]$/g, '')}”`)
        } else if (node.name === 'br') {
          if (/\n$/.test(line)) push()
          else line += '\n'
        } else if (
          BLOCK_CONTAINERS.has(node.name) ||
          HEADINGS.has(node.name) ||
          node.name === 'li'
        ) {
          push()
          walk(node.children)
          push()
        } else walk(node.children)
      }
    }
  }
  walk(nodes)
  push()
  return out
    .flatMap((paragraph) => paragraph.split(/\n/))
    .map((line) => line.trim())
    .filter(Boolean)
}
