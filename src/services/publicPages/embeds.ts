import { AUTHORS, MEDIA, SOURCES } from '../../collections/slugs'
import { idOf } from '../../lib/ids'

/**
 * What a rendered public page shows of other documents, as `<collection>:<id>` keys: its authors,
 * sources and hero image, and in its body every upload, relationship and internal link, and the
 * source of every Quote block. When one of those documents changes, the pages embedding it are
 * rendered again. (No Payload import: unit-tested.)
 */

export const embedKey = (collection: string, id: unknown): string | undefined => {
  const key = idOf(id)
  return key === undefined ? undefined : `${collection}:${key}`
}

type Article = {
  authors?: unknown[] | null
  sources?: unknown[] | null
  heroImage?: unknown
  body?: unknown
}

/** Every `{ relationTo, value }` in a Lexical body (uploads, relationships, links' `fields.doc`). */
function bodyEmbeds(node: unknown, found: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) bodyEmbeds(child, found)
    return
  }
  if (!node || typeof node !== 'object') return
  const record = node as Record<string, unknown>
  if (typeof record.relationTo === 'string' && 'value' in record) {
    const key = embedKey(record.relationTo, record.value)
    if (key) found.push(key)
  }
  const fields = record.fields as Record<string, unknown> | undefined
  if (fields?.blockType === 'quote') {
    const key = embedKey(SOURCES, fields.source)
    if (key) found.push(key)
  }
  for (const value of Object.values(record))
    if (value && typeof value === 'object') bodyEmbeds(value, found)
}

export function embedsOf(article: Article): string[] {
  const found: string[] = []
  for (const author of article.authors ?? []) found.push(embedKey(AUTHORS, author) ?? '')
  for (const source of article.sources ?? []) found.push(embedKey(SOURCES, source) ?? '')
  if (article.heroImage) found.push(embedKey(MEDIA, article.heroImage) ?? '')
  bodyEmbeds(article.body, found)
  return [...new Set(found.filter(Boolean))].sort()
}
