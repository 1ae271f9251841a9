import { blocksOf, plainText, type LexicalDocument } from '../lib/lexical'

export type SubmittableContent = {
  title?: string | null
  slug?: string | null
  dek?: string | null
  authors?: readonly unknown[] | null
  body?: LexicalDocument
}

/** Everything a submission still lacks, in words an editor can act on; empty when complete. */
export function submitProblems(content: SubmittableContent): string[] {
  const problems: string[] = []
  if (!content.title?.trim()) problems.push('the title is missing')
  if (!content.slug?.trim()) problems.push('the slug is missing')
  if (!content.dek?.trim()) problems.push('the standfirst (dek) is missing')
  if (!content.authors?.length) problems.push('at least one author is needed')
  if (!plainText(content.body)) problems.push('the body is empty')
  blocksOf(content.body, 'quote').forEach((quote, index) => {
    if (quote.source === undefined || quote.source === null || quote.source === '') {
      problems.push(`Quote block ${index + 1} names no source`)
    }
  })
  return problems
}
