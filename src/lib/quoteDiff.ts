import { blocksOf, mapBlocks, type LexicalDocument, type LexicalNode } from './lexical'
import { idOf } from './ids'

const text = (value: string, format = 0): LexicalNode =>
  ({
    type: 'text',
    text: value,
    format,
    detail: 0,
    mode: 'normal',
    style: '',
    version: 1,
  }) as LexicalNode

/** The source ids Quote blocks of `doc` cite. */
export const quotedSourceIds = (doc: LexicalDocument): (number | string)[] =>
  blocksOf(doc, 'quote')
    .map((quote) => idOf(quote.source))
    .filter((id): id is number | string => id !== undefined && id !== '')

/**
 * `doc` with each Quote block as a plain blockquote: its text, then "— source name" (and the
 * link), so a version comparison shows what was quoted and from whom, and a changed source shows
 * as changed text. `sourceName` names a source by its id.
 */
export function quotesAsBlockquotes(
  doc: LexicalDocument,
  sourceName: (id: number | string) => string | undefined,
): LexicalDocument {
  return mapBlocks(doc, 'quote', (quote) => {
    const id = idOf(quote.source)
    // Populated (the comparison reads versions at depth 1) or a bare id.
    const populated = (quote.source as { name?: unknown } | null)?.name
    const cited =
      id === undefined || id === ''
        ? 'no source yet'
        : typeof populated === 'string'
          ? populated
          : (sourceName(id) ?? `source ${id}`)
    const url = typeof quote.url === 'string' && quote.url ? ` (${quote.url})` : ''
    return {
      type: 'quote',
      version: 1,
      children: [
        text(`“${typeof quote.text === 'string' ? quote.text : ''}”`),
        { type: 'linebreak', version: 1 } as LexicalNode,
        text(`— ${cited}${url}`, 2),
      ],
    } as LexicalNode
  })
}
