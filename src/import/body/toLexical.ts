import type { BodyBlock, ListBlock, Run } from '../types'
import { isBreak } from './runs'

/** Ids of what the body refers to, resolved by the caller (sources and media are documents). */
export type BodyRefs = {
  sourceId: (name: string) => number | string | undefined
  mediaId: (src: string) => number | string | undefined
}

type LexicalNode = Record<string, unknown>

const element = (
  type: string,
  children: LexicalNode[],
  extra: Record<string, unknown> = {},
): LexicalNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

const textNode = (text: string, format: number): LexicalNode => ({
  type: 'text',
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text,
  version: 1,
})

function inline(runs: Run[]): LexicalNode[] {
  const out: LexicalNode[] = []
  for (const run of runs) {
    if (isBreak(run)) {
      out.push({ type: 'linebreak', version: 1 })
      continue
    }
    const node = textNode(run.text, run.format)
    const last = out.at(-1)
    const lastLink = last?.type === 'link' ? (last.fields as { url: string }).url : undefined
    if (run.link && lastLink === run.link) (last!.children as LexicalNode[]).push(node)
    else if (run.link)
      out.push(
        element('link', [node], {
          version: 3,
          fields: { linkType: 'custom', newTab: false, url: run.link },
        }),
      )
    else out.push(node)
  }
  return out
}

function list(block: ListBlock): LexicalNode {
  const items: LexicalNode[] = []
  block.items.forEach((item, index) => {
    items.push(element('listitem', inline(item.runs), { value: index + 1 }))
    // Lexical nests a list inside a list item of its own.
    for (const nested of item.nested)
      items.push(element('listitem', [list(nested)], { value: index + 1 }))
  })
  return element('list', items, {
    listType: block.ordered ? 'number' : 'bullet',
    start: 1,
    tag: block.ordered ? 'ol' : 'ul',
  })
}

/**
 * Lexical's serialised JSON for body blocks. Quote block ids derive from `idPrefix`, so the same
 * post converts to the same JSON every time (re-imports compare equal).
 */
export function toLexical(blocks: BodyBlock[], refs: BodyRefs, idPrefix: string) {
  let quotes = 0
  let uploads = 0
  const children: LexicalNode[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        children.push(element('paragraph', inline(block.runs), { textFormat: 0, textStyle: '' }))
        break
      case 'heading':
        children.push(element('heading', inline(block.runs), { tag: block.tag }))
        break
      case 'list':
        children.push(list(block))
        break
      case 'hr':
        children.push({ type: 'horizontalrule', version: 1 })
        break
      case 'quote': {
        const source = block.source ? refs.sourceId(block.source) : undefined
        children.push({
          type: 'block',
          format: '',
          version: 2,
          fields: {
            id: `${idPrefix}q${++quotes}`,
            blockName: '',
            blockType: 'quote',
            text: block.text,
            ...(source !== undefined ? { source } : {}),
            ...(block.url ? { url: block.url } : {}),
          },
        })
        break
      }
      case 'image': {
        const value = refs.mediaId(block.src)
        if (value !== undefined) {
          children.push({
            type: 'upload',
            format: '',
            version: 3,
            id: `${idPrefix}u${++uploads}`,
            fields: null,
            relationTo: 'media',
            value,
          })
        }
        break
      }
    }
  }
  return {
    root: {
      type: 'root',
      children,
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
    },
  }
}
