import type { Where } from 'payload'
import { describe, expect, it } from 'vitest'

import { assertWhereShape } from '../../src/lib/whereShape'

const nest = (levels: number, group = 'or'): Where => (levels === 0 ? { title: { equals: 'x' } } : { [group]: [nest(levels - 1, group)] })
/** What Payload's query-string parser leaves when it stops at 10 brackets: the rest of the path as one key. */
const cutOff = (levels: number, rest: string): Where =>
  levels === 0 ? ({ [rest]: 'x' } as unknown as Where) : { or: [cutOff(levels - 1, rest)] }
const fields = (n: number): Where => ({ and: Array.from({ length: n }, (_, i) => ({ [`f${i}`]: { equals: i } })) })

describe('assertWhereShape', () => {
  it.each<[string, Where | undefined]>([
    ['no filter', undefined],
    ['five levels of or', nest(5)],
    ['five levels of AND, as GraphQL sends it', nest(5, 'AND')],
    ['20 conditions', fields(20)],
    ['two operators on one field (two conditions)', { publishedAt: { greater_than: '2026-01-01', less_than: '2027-01-01' } }],
    ['a like of 100 characters', { title: { like: 'a'.repeat(100) } }],
    ['a long equals (not a text match)', { slug: { equals: 'a'.repeat(500) } }],
  ])('accepts %s', (_, where) => {
    expect(() => assertWhereShape(where)).not.toThrow()
  })

  it.each<[string, Where, RegExp]>([
    ['six levels of or', nest(6), /more than 5 levels deep/],
    ['six levels of OR', nest(6, 'OR'), /more than 5 levels deep/],
    ['21 conditions', fields(21), /more than 20 conditions/],
    [
      '21 operators on one field',
      { title: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`op${i}`, i])) },
      /more than 20 conditions/,
    ],
    ['a like of 101 characters', { title: { like: 'a'.repeat(101) } }, /"title" with like: the text is 101 characters; at most 100/],
    ['a long not_like', { dek: { not_like: 'b'.repeat(101) } }, /"dek" with not_like/],
    ['a long contains deep inside', { or: [{ and: [{ body: { contains: 'c'.repeat(200) } }] }] }, /"body" with contains/],
    ['a query string cut off at 10 brackets, 6 levels in all', cutOff(5, '[or][0][title][equals]'), /more than 5 levels deep/],
    ['a query string cut off at 10 brackets, 5 levels in all', cutOff(5, '[title][equals]'), /at most 4 levels deep \(10 brackets\)/],
  ])('refuses %s with a 400 naming the limit', (_, where, message) => {
    const refusal = (() => {
      try {
        assertWhereShape(where)
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toMatchObject({ status: 400, message: expect.stringMatching(message) })
  })
})
