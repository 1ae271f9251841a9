import {
  attr,
  byTag,
  findAll,
  isElement,
  parseHtml,
  textContent,
  type ChildNode,
  type Element,
} from '../parse/dom'
import type { BodyBlock, ListBlock, ListItem, Run } from '../types'
import { quoteOf } from './blockquote'
import { BLOCK_CONTAINERS, DROPPED, HEADINGS, INLINE_FORMAT, resolveLink } from './elements'
import { attachNeighbourAttributions, splitQuotedParagraph } from './quotes'
import { FORMAT, hasText, tidyRuns } from './runs'

export type HtmlBodyOptions = {
  /** Where relative links point (the post's URL). */
  baseUrl?: string
  /** WordPress stores paragraphs as blank lines, not `<p>` (its "autop"). */
  blankLinesAreParagraphs?: boolean
}

type Style = { format: number; link?: string }

class BlockBuilder {
  readonly blocks: BodyBlock[] = []
  private runs: Run[] = []

  constructor(private readonly options: HtmlBodyOptions) {}

  text(text: string, style: Style): void {
    const pieces = this.options.blankLinesAreParagraphs ? text.split(/\n[ \t]*\n/) : [text]
    pieces.forEach((piece, index) => {
      if (index > 0) this.flush()
      if (piece)
        this.runs.push({
          text: piece,
          format: style.format,
          ...(style.link ? { link: style.link } : {}),
        })
    })
  }

  lineBreak(): void {
    const last = this.runs.at(-1)
    // Blogger writes paragraphs as text between two <br>s.
    if (last && 'br' in last) {
      this.runs.pop()
      this.flush()
    } else this.runs.push({ br: true })
  }

  flush(): void {
    const runs = tidyRuns(this.runs)
    this.runs = []
    if (hasText(runs)) this.blocks.push(...splitQuotedParagraph(runs))
  }

  block(block: BodyBlock): void {
    this.flush()
    this.blocks.push(block)
  }
}

function inlineRuns(nodes: ChildNode[], style: Style, options: HtmlBodyOptions): Run[] {
  const runs: Run[] = []
  for (const node of nodes) {
    if (node.type === 'text')
      runs.push({
        text: node.data,
        format: style.format,
        ...(style.link ? { link: style.link } : {}),
      })
    else if (isElement(node)) {
      if (DROPPED.has(node.name)) continue
      if (node.name === 'br') runs.push({ br: true })
      else runs.push(...inlineRuns(node.children, styleOf(node, style, options), options))
    }
  }
  return runs
}

function styleOf(element: Element, style: Style, options: HtmlBodyOptions): Style {
  const format = style.format | (INLINE_FORMAT[element.name] ?? 0)
  if (element.name === 'a')
    return { format, link: resolveLink(attr(element, 'href'), options.baseUrl) ?? style.link }
  return { ...style, format }
}

function listOf(element: Element, options: HtmlBodyOptions): ListBlock {
  const items: ListItem[] = []
  for (const child of element.children) {
    if (!isElement(child)) continue
    if (child.name !== 'li') continue
    const nested = child.children.filter(
      (node): node is Element => isElement(node) && (node.name === 'ul' || node.name === 'ol'),
    )
    const inline = child.children.filter((node) => !nested.includes(node as Element))
    items.push({
      runs: tidyRuns(inlineRuns(inline, { format: 0 }, options)),
      nested: nested.map((list) => listOf(list, options)),
    })
  }
  return { type: 'list', ordered: element.name === 'ol', items }
}

function walk(
  nodes: ChildNode[],
  builder: BlockBuilder,
  style: Style,
  options: HtmlBodyOptions,
): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      builder.text(node.data, style)
      continue
    }
    if (!isElement(node) || DROPPED.has(node.name)) continue
    const name = node.name
    if (name === 'br') builder.lineBreak()
    else if (HEADINGS.has(name)) {
      const runs = tidyRuns(inlineRuns(node.children, style, options))
      if (hasText(runs)) builder.block({ type: 'heading', tag: name as 'h1', runs })
    } else if (name === 'ul' || name === 'ol') builder.block(listOf(node, options))
    else if (name === 'blockquote') builder.block(quoteOf(node, options))
    else if (name === 'pre') {
      const runs = tidyRuns(
        inlineRuns(node.children, { format: style.format | FORMAT.code }, options),
        { keepWhitespace: true },
      )
      const withBreaks = runs.flatMap((run): Run[] =>
        'br' in run
          ? [run]
          : run.text
              .split('\n')
              .flatMap((line, i): Run[] =>
                i ? [{ br: true }, { ...run, text: line }] : [{ ...run, text: line }],
              ),
      )
      if (hasText(withBreaks)) builder.block({ type: 'paragraph', runs: withBreaks })
    } else if (name === 'hr') builder.block({ type: 'hr' })
    else if (name === 'img') {
      const src = attr(node, 'src')
      if (src)
        builder.block({ type: 'image', src, alt: attr(node, 'alt') ?? attr(node, 'title') ?? '' })
    } else if (name === 'table') {
      builder.flush()
      for (const row of findAll(node, byTag('tr'))) {
        const cells = findAll(row, byTag('td', 'th'))
          .map((cell) => textContent(cell))
          .filter(Boolean)
        if (cells.length)
          builder.block({ type: 'paragraph', runs: [{ text: cells.join(' | '), format: 0 }] })
      }
    } else if (BLOCK_CONTAINERS.has(name) || name === 'li') {
      builder.flush()
      walk(node.children, builder, style, options)
      builder.flush()
    } else if (name === 'q') {
      builder.text('“', style)
      walk(node.children, builder, styleOf(node, style, options), options)
      builder.text('”', style)
    } else walk(node.children, builder, styleOf(node, style, options), options)
  }
}

/** An HTML fragment (a post's content) as body blocks, quotations as Quote blocks. */
export function blocksFromNodes(nodes: ChildNode[], options: HtmlBodyOptions = {}): BodyBlock[] {
  const builder = new BlockBuilder(options)
  walk(nodes, builder, { format: 0 }, options)
  builder.flush()
  return attachNeighbourAttributions(builder.blocks)
}

export const blocksFromHtml = (html: string, options: HtmlBodyOptions = {}): BodyBlock[] =>
  blocksFromNodes(parseHtml(html).children, options)
