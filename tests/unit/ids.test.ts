import { describe, expect, it } from 'vitest'

import {
  findMalformedId,
  isValidId,
  malformedIdMessage,
  shown,
  type IdKind,
} from '../../src/lib/ids'

const HEX = '665f1c2ab0d4e8a9c3f70b12'
/** Stands in for the MongoDB driver's ObjectId: all the check relies on is toHexString(). */
const objectId = (hex: string) => ({ toHexString: () => hex })

describe('isValidId', () => {
  it.each<[IdKind, unknown]>([
    ['integer', 1],
    ['integer', 42],
    ['integer', Number.MAX_SAFE_INTEGER],
    ['integer', '1'],
    ['integer', '42'],
    ['integer', String(Number.MAX_SAFE_INTEGER)],
    ['objectId', HEX],
    ['objectId', HEX.toUpperCase()],
    ['objectId', objectId(HEX)],
  ])('a %s id accepts %j', (kind, value) => {
    expect(isValidId(value, kind)).toBe(true)
  })

  it.each<[IdKind, unknown]>([
    ['integer', 'abc'],
    ['integer', '1abc'],
    ['integer', "1' OR 1=1"],
    ['integer', ' 1'],
    ['integer', '1 '],
    ['integer', ' '],
    ['integer', ''],
    ['integer', '-1'],
    ['integer', -1],
    ['integer', '0'],
    ['integer', 0],
    ['integer', '01'],
    ['integer', '1.5'],
    ['integer', 1.5],
    ['integer', '0x10'],
    ['integer', '1e3'],
    ['integer', '+1'],
    ['integer', '99999999999999999999'],
    ['integer', String(Number.MAX_SAFE_INTEGER + 2)],
    ['integer', 2 ** 53],
    ['integer', Number.NaN],
    ['integer', Number.POSITIVE_INFINITY],
    ['integer', '[object Object]'],
    ['integer', {}],
    ['integer', [1]],
    ['integer', true],
    ['integer', null],
    ['integer', HEX],
    ['objectId', 42],
    ['objectId', '42'],
    ['objectId', 'abc'],
    ['objectId', `${HEX}0`],
    ['objectId', HEX.slice(1)],
    ['objectId', `${HEX.slice(1)}g`],
    ['objectId', ` ${HEX}`],
    ['objectId', ''],
    ['objectId', 'abcdefghijkl'],
    ['objectId', objectId('nope')],
    ['objectId', {}],
    ['objectId', null],
  ])('a %s id refuses %j', (kind, value) => {
    expect(isValidId(value, kind)).toBe(false)
  })
})

describe('shown', () => {
  it.each<[unknown, string]>([
    ['abc', '"abc"'],
    ["1' OR 1=1", `"1' OR 1=1"`],
    ['x'.repeat(70), `"${'x'.repeat(60)}…"`],
    [1.5, '1.5'],
    [Number.NaN, 'NaN'],
    [null, 'null'],
    [['1'], 'a list'],
    [{ a: 1 }, 'an object'],
  ])('quotes %j as %s', (value, text) => {
    expect(shown(value)).toBe(text)
  })
})

describe('findMalformedId', () => {
  /** `id`, `authors`, `authors.id` and `article` hold integer ids; text matches on `id` are searches. */
  const kindAt = (path: string, operator: string): IdKind | undefined => {
    if (path === 'id')
      return ['like', 'not_like', 'contains'].includes(operator) ? undefined : 'integer'
    return ['authors', 'authors.id', 'article'].includes(path) ? 'integer' : undefined
  }

  it.each<[string, unknown]>([
    ['no filter', undefined],
    ['an id', { id: { equals: '5' } }],
    ['a numeric id', { id: { equals: 5 } }],
    ['a list of ids', { authors: { in: ['1', 2, '3'] } }],
    ['a comma-separated list', { authors: { not_in: '1,2,3' } }],
    ['an empty list', { id: { in: [] } }],
    [
      'null, as JSON and as a query string spells it',
      { and: [{ article: { equals: null } }, { article: { not_equals: 'null' } }] },
    ],
    ['exists with anything', { authors: { exists: 'abc' } }],
    ['a search on id', { id: { like: 'harbour' } }],
    ['a polymorphic value', { article: { equals: { relationTo: 'articles', value: '7' } } }],
    ['fields that are not ids', { title: { equals: 'abc' }, slug: { in: ['x', 'y'] } }],
    ['a range on id', { id: { greater_than: '10', less_than_equal: 20 } }],
  ])('accepts %s', (_, where) => {
    expect(findMalformedId(where, kindAt)).toBeUndefined()
  })

  it.each<[string, unknown, string, unknown]>([
    ['a word', { id: { equals: 'abc' } }, 'where[id][equals]', 'abc'],
    ['trailing garbage', { id: { not_equals: '1abc' } }, 'where[id][not_equals]', '1abc'],
    [
      'an injection attempt',
      { authors: { equals: "1' OR 1=1" } },
      'where[authors][equals]',
      "1' OR 1=1",
    ],
    ['one bad id in a list', { authors: { in: ['1', 'x1', '3'] } }, 'where[authors][in]', 'x1'],
    [
      'one bad id in a comma-separated list',
      { authors: { not_in: '1,x1' } },
      'where[authors][not_in]',
      'x1',
    ],
    ['an empty value', { id: { equals: '' } }, 'where[id][equals]', ''],
    ['an empty list item', { id: { in: '1,,2' } }, 'where[id][in]', ''],
    [
      'a number too large to be exact',
      { id: { in: ['99999999999999999999'] } },
      'where[id][in]',
      '99999999999999999999',
    ],
    ['a negative number', { article: { equals: -1 } }, 'where[article][equals]', -1],
    ['a fraction', { article: { equals: 1.5 } }, 'where[article][equals]', 1.5],
    ['an object', { article: { equals: { $gt: 1 } } }, 'where[article][equals]', { $gt: 1 }],
    [
      'a list where one id belongs',
      { id: { equals: ['1', '2'] } },
      'where[id][equals]',
      ['1', '2'],
    ],
    ['a value with no operator', { authors: 'abc' }, 'where[authors]', 'abc'],
    [
      'a bad id through a relationship',
      { 'authors.id': { equals: 'abc' } },
      'where[authors.id][equals]',
      'abc',
    ],
    ['a search on a relationship', { authors: { like: 'abc' } }, 'where[authors][like]', 'abc'],
    [
      'a bad polymorphic value',
      { article: { equals: { relationTo: 'articles', value: 'x' } } },
      'where[article][equals]',
      'x',
    ],
    [
      'a bad id deep in and/or',
      {
        or: [
          { title: { equals: 'a' } },
          { and: [{ id: { equals: '1' } }, { authors: { in: ['2', '0x10'] } }] },
        ],
      },
      'where[or][1][and][1][authors][in]',
      '0x10',
    ],
    [
      'a bad id under OR, as GraphQL sends it',
      { OR: [{ id: { equals: '1e3' } }] },
      'where[OR][0][id][equals]',
      '1e3',
    ],
  ])('finds %s', (_, where, at, value) => {
    expect(findMalformedId(where, kindAt)).toEqual({ at, value, kind: 'integer' })
  })

  it('judges ObjectIds on MongoDB: a number is not one', () => {
    const mongo = (path: string): IdKind | undefined =>
      path === 'authors' ? 'objectId' : undefined
    expect(findMalformedId({ authors: { in: [HEX, objectId(HEX)] } }, mongo)).toBeUndefined()
    expect(findMalformedId({ authors: { in: [HEX, '42'] } }, mongo)).toEqual({
      at: 'where[authors][in]',
      value: '42',
      kind: 'objectId',
    })
  })

  it('says where the value sits, what it is and what an id looks like', () => {
    expect(malformedIdMessage({ at: 'where[authors][in]', value: 'x1', kind: 'integer' })).toBe(
      'where[authors][in]: "x1" is not a valid id; ids here are positive whole numbers such as 42.',
    )
    expect(malformedIdMessage({ at: 'where[id][equals]', value: 42, kind: 'objectId' })).toMatch(
      /^where\[id\]\[equals\]: 42 is not a valid id; ids here are 24 hexadecimal characters/,
    )
  })
})
