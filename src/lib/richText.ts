/** Builds Lexical's serialised JSON from plain parts: used by the demo seed and tests. */

export type BodyPart = string | { quote: string; source: number | string; url?: string }

const textNode = (text: string) => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  version: 1,
})

const paragraph = (text: string) => ({
  type: 'paragraph',
  children: [textNode(text)],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  version: 1,
})

const quoteBlock = (
  part: { quote: string; source: number | string; url?: string },
  index: number,
) => ({
  type: 'block',
  format: '',
  version: 2,
  fields: {
    id: `quote-${index}-${part.quote.length}`,
    blockName: '',
    blockType: 'quote',
    text: part.quote,
    source: part.source,
    ...(part.url ? { url: part.url } : {}),
  },
})

export function richText(...parts: BodyPart[]) {
  return {
    root: {
      type: 'root',
      children: parts.map((part, index) =>
        typeof part === 'string' ? paragraph(part) : quoteBlock(part, index),
      ),
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
    },
  }
}
