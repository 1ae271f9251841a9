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
