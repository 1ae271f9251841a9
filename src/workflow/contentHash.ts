import { createHash } from 'node:crypto'

/** The fields an approval covers: changing any of them after approval makes it stale. */
export const REVIEWED_FIELDS = [
  'title',
  'dek',
  'body',
  'authors',
  'sources',
  'heroImage',
  'tags',
] as const

const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

/** JSON with sorted keys, so equal content always hashes equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** SHA-256 of the reviewed content; relations count by id, empty values alike. */
export function contentHash(doc: object): string {
  return createHash('sha256')
    .update(canonical(reviewedContent(doc)))
    .digest('hex')
}

/** The reviewed fields whose content differs between two versions of an article. */
export function changedFields(before: object, after: object): string[] {
  const a = reviewedContent(before)
  const b = reviewedContent(after)
  return REVIEWED_FIELDS.filter((field) => canonical(a[field]) !== canonical(b[field]))
}

function reviewedContent(article: object): Record<(typeof REVIEWED_FIELDS)[number], unknown> {
  const doc = article as Record<string, unknown>
  return {
    title: doc.title ?? '',
    dek: doc.dek ?? '',
    body: doc.body ?? null,
    authors: ((doc.authors as unknown[]) ?? []).map(idOf).map(String),
    sources: ((doc.sources as unknown[]) ?? []).map(idOf).map(String),
    heroImage: doc.heroImage ? String(idOf(doc.heroImage)) : null,
    tags: (doc.tags as unknown[]) ?? [],
  }
}
