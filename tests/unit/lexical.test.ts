import { describe, expect, it } from 'vitest'

import { blocksOf, plainText } from '../../src/lib/lexical'
import { richText } from '../../src/lib/richText'

describe('Lexical helpers', () => {
  const doc = richText(
    'First paragraph.',
    { quote: 'We will not comment.', source: 7 },
    'Second.',
    { quote: 'Up 3%.', source: 9 },
  )

  it('finds the Quote blocks of a document in order', () => {
    expect(blocksOf(doc, 'quote').map((block) => block.source)).toEqual([7, 9])
  })

  it('extracts plain text and treats an empty document as empty', () => {
    expect(plainText(doc)).toContain('First paragraph.')
    expect(plainText(richText())).toBe('')
    expect(plainText(null)).toBe('')
  })
})
