/** Pure helpers over Lexical's serialised JSON (no editor needed). */

type Node = { type?: string; children?: Node[]; fields?: Record<string, unknown>; text?: string }
export type LexicalDocument = { root?: Node } | null | undefined

function* walk(node: Node | undefined): Generator<Node> {
  if (!node) return
  yield node
  for (const child of node.children ?? []) yield* walk(child)
}

export const blocksOf = (doc: LexicalDocument, blockType: string): Record<string, unknown>[] =>
  [...walk(doc?.root)]
    .filter((node) => node.type === 'block' && node.fields?.blockType === blockType)
    .map((node) => node.fields as Record<string, unknown>)

/** The plain text of a document, for emptiness checks and excerpts. */
export const plainText = (doc: LexicalDocument): string =>
  [...walk(doc?.root)]
    .map((node) =>
      typeof node.text === 'string' ? node.text : node.type === 'block' ? ' [block] ' : '',
    )
    .join('')
    .trim()

export type LexicalNode = Node

/** A copy of `doc` with every block of `blockType` replaced by what `replace` makes of its fields. */
export function mapBlocks(
  doc: LexicalDocument,
  blockType: string,
  replace: (fields: Record<string, unknown>) => Node,
): LexicalDocument {
  const map = (node: Node): Node =>
    node.type === 'block' && node.fields?.blockType === blockType
      ? replace(node.fields)
      : node.children
        ? { ...node, children: node.children.map(map) }
        : node
  return doc?.root ? { ...doc, root: map(doc.root) } : doc
}
