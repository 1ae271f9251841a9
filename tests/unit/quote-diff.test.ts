import { describe, expect, it } from 'vitest'

import { blocksOf, plainText } from '../../src/lib/lexical'
import { quotedSourceIds, quotesAsBlockquotes } from '../../src/lib/quoteDiff'
import { richText } from '../../src/lib/richText'

describe('Quote blocks in the version comparison', () => {
  const names = new Map([
    ['7', 'Reuters'],
    ['9', 'City Council'],
  ])
  const name = (id: number | string) => names.get(String(id))
  const doc = richText(
    'Before.',
    { quote: 'We will not comment.', source: 7, url: 'https://example.com/a' },
    'Between.',
    { quote: 'Up 3%.', source: '' },
    { quote: 'Gone.', source: 404 },
  )

  it('lists the sources the quotes cite, skipping quotes without one', () => {
    expect(quotedSourceIds(doc)).toEqual([7, 404])
  })

  it('shows each quote as its text and source name, and leaves the rest as it was', () => {
    const shown = quotesAsBlockquotes(doc, name)
    expect(blocksOf(shown, 'quote')).toEqual([])
    const quotes = shown?.root?.children?.filter((node) => node.type === 'quote') ?? []
    expect(quotes.map((node) => plainText({ root: node }))).toEqual([
      '“We will not comment.”— Reuters (https://example.com/a)',
      '“Up 3%.”— no source yet',
      '“Gone.”— source 404',
    ])
    expect(plainText(shown)).toContain('Before.')
    expect(plainText(shown)).toContain('Between.')
  })

  it('makes a changed source a changed text', () => {
    const other = richText('Before.', { quote: 'We will not comment.', source: 9 })
    const text = (d: typeof doc) => plainText(quotesAsBlockquotes(d, name))
    expect(text(other)).toContain('— City Council')
    expect(text(other)).not.toBe(
      text(richText('Before.', { quote: 'We will not comment.', source: 7 })),
    )
  })

  it('leaves a document without quotes, or none at all, alone', () => {
    const plain = richText('Only text.')
    expect(quotesAsBlockquotes(plain, name)).toEqual(plain)
    expect(quotesAsBlockquotes(null, name)).toBeNull()
  })
})
