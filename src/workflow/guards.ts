import { blocksOf, plainText, type LexicalDocument } from '../lib/lexical'

export type SubmittableContent = {
  title?: string | null
  slug?: string | null
  dek?: string | null
  authors?: readonly unknown[] | null
  body?: LexicalDocument
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim())

/** "Quote block 3 names no source", "Quote blocks 2 and 4 name no source". */
function quoteProblem(numbers: number[], one: string, several: string): string[] {
  if (!numbers.length) return []
  if (numbers.length === 1) return [`Quote block ${numbers[0]} ${one}`]
  const listed = `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`
  return [`Quote blocks ${listed} ${several}`]
}

/**
 * What a Quote block still lacks before it may go to review, in the words the editor shows inside
 * the block; empty when complete. A draft may hold an unfinished quote; submission may not.
 */
export function quoteGaps(quote: { text?: unknown; source?: unknown }): ('text' | 'source')[] {
  return [
    ...(isEmpty(quote.text) ? (['text'] as const) : []),
    ...(isEmpty(quote.source) ? (['source'] as const) : []),
  ]
}

/**
 * Everything a submission still lacks, in words an editor can act on; empty when complete. Quote
 * blocks are counted in body order from 1, as the editor shows them.
 */
export function submitProblems(content: SubmittableContent): string[] {
  const problems: string[] = []
  if (!content.title?.trim()) problems.push('the title is missing')
  if (!content.slug?.trim()) problems.push('the slug is missing')
  if (!content.dek?.trim()) problems.push('the standfirst (dek) is missing')
  if (!content.authors?.length) problems.push('at least one author is needed')
  if (!plainText(content.body)) problems.push('the body is empty')
  const gaps = blocksOf(content.body, 'quote').map(quoteGaps)
  const numbered = (gap: 'text' | 'source') =>
    gaps.flatMap((missing, index) => (missing.includes(gap) ? [index + 1] : []))
  problems.push(...quoteProblem(numbered('text'), 'has no quoted text', 'have no quoted text'))
  problems.push(...quoteProblem(numbered('source'), 'names no source', 'name no source'))
  return problems
}

/** The notice a Quote block shows while it lacks something; undefined when complete. */
export function quoteGapsNotice(gaps: readonly ('text' | 'source')[]): string | undefined {
  if (!gaps.length) return undefined
  const needs = gaps.map((gap) => (gap === 'text' ? 'the quoted text' : 'a source')).join(' and ')
  return `Needs ${needs} before the article can be submitted`
}
