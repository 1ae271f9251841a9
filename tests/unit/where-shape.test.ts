import type { FlattenedField, Where } from 'payload'
import { describe, expect, it } from 'vitest'

import {
  assertSupportedFilter,
  assertWhereShape,
  findUnsupportedCondition,
  type Database,
  type PathTarget,
} from '../../src/lib/whereShape'

const nest = (levels: number, group = 'or'): Where =>
  levels === 0 ? { title: { equals: 'x' } } : { [group]: [nest(levels - 1, group)] }
/** What Payload's query-string parser leaves when it stops at 10 brackets: the rest of the path as one key. */
const cutOff = (levels: number, rest: string): Where =>
  levels === 0 ? ({ [rest]: 'x' } as unknown as Where) : { or: [cutOff(levels - 1, rest)] }
const fields = (n: number): Where => ({
  and: Array.from({ length: n }, (_, i) => ({ [`f${i}`]: { equals: i } })),
})

describe('assertWhereShape', () => {
  it.each<[string, Where | undefined]>([
    ['no filter', undefined],
    ['five levels of or', nest(5)],
    ['five levels of AND, as GraphQL sends it', nest(5, 'AND')],
    ['20 conditions', fields(20)],
    [
      'two operators on one field (two conditions)',
      { publishedAt: { greater_than: '2026-01-01', less_than: '2027-01-01' } },
    ],
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
    [
      'a like of 101 characters',
      { title: { like: 'a'.repeat(101) } },
      /"title" with like: the text is 101 characters; at most 100/,
    ],
    ['a long not_like', { dek: { not_like: 'b'.repeat(101) } }, /"dek" with not_like/],
    [
      'a long contains deep inside',
      { or: [{ and: [{ body: { contains: 'c'.repeat(200) } }] }] },
      /"body" with contains/,
    ],
    [
      'a query string cut off at 10 brackets, 6 levels in all',
      cutOff(5, '[or][0][title][equals]'),
      /more than 5 levels deep/,
    ],
    [
      'a query string cut off at 10 brackets, 5 levels in all',
      cutOff(5, '[title][equals]'),
      /at most 4 levels deep \(10 brackets\)/,
    ],
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

describe('findUnsupportedCondition', () => {
  const field = (name: string, type: string, extra: object = {}) =>
    ({ name, type, ...extra }) as unknown as FlattenedField
  const body = field('body', 'richText')
  const input = field('input', 'json')
  const document = field('document', 'relationship', { relationTo: ['articles', 'authors'] })
  /** Where the paths of these tables lead, as src/lib/relationHops.ts walks them. */
  const TARGETS: Record<string, PathTarget> = {
    title: { field: field('title', 'text'), rest: [], inRows: false },
    tags: { field: field('tags', 'text', { hasMany: true }), rest: [], inRows: false },
    publishedAt: { field: field('publishedAt', 'date'), rest: [], inRows: false },
    authors: {
      field: field('authors', 'relationship', { relationTo: 'authors', hasMany: true }),
      rest: [],
      inRows: false,
    },
    'authors.name': { field: field('name', 'text'), rest: [], inRows: false },
    document: { field: document, rest: [], inRows: false },
    'document.value': { field: document, rest: ['value'], inRows: false },
    body: { field: body, rest: [], inRows: false },
    'body.root.type': { field: body, rest: ['root', 'type'], inRows: false },
    input: { field: input, rest: [], inRows: false },
    'input.attempt': { field: input, rest: ['attempt'], inRows: false },
    'log.input.attempt': { field: input, rest: ['attempt'], inRows: true },
    location: { field: field('location', 'point'), rest: [], inRows: false },
  }
  const pathAt = (path: string): PathTarget => TARGETS[path] ?? { rest: [], inRows: false }
  const find = (where: unknown, database: Database) =>
    findUnsupportedCondition(where as Where, pathAt, database)

  it.each<[string, unknown]>([
    ['no filter', undefined],
    ['a value', { title: { equals: 'harbour', like: 'harb', exists: true } }],
    ['lists, as JSON and comma-separated', { tags: { in: ['a', 'b'], not_in: 'c,d' } }],
    ['a list under contains on a has-many field', { tags: { contains: ['a', 'b'] } }],
    ['a list under equals on a relationship (read as in)', { authors: { equals: ['1', '2'] } }],
    [
      'dates, and no date',
      {
        publishedAt: {
          greater_than: '2026-05-01',
          less_than: new Date(),
          not_equals: '',
          equals: null,
        },
      },
    ],
    ['a like on a date (its text)', { publishedAt: { like: '2026-05' } }],
    [
      'a document of a relationship to several collections',
      { document: { equals: { relationTo: 'articles', value: 1 } } },
    ],
    [
      'ids of a relationship to several collections, as a list',
      { 'document.value': { in: [1, 2] } },
    ],
    [
      'the operators SQLite runs inside JSON',
      { 'input.attempt': { equals: 1, in: [1, 2], like: 'a', exists: false } },
    ],
    ['a like on rich text itself', { body: { like: 'harbour' } }],
    ['exists with anything', { title: { exists: { a: 'b' } } }],
    ['a filter of the related documents', { authors: { contains: { name: { equals: 'Ada' } } } }],
    [
      'single values on paths it does not know (Payload judges the path)',
      { latest: { equals: true }, nope: { greater_than: 'a' } },
    ],
  ])('on SQLite, accepts %s', (_, where) => {
    expect(find(where, 'sqlite')).toBeUndefined()
  })

  it.each<[string, unknown, string]>([
    [
      'all',
      { tags: { all: ['a'] } },
      'where[tags][all]: the all operator is not supported here; use in, which matches any of the values.',
    ],
    [
      'all deep in and/or',
      { or: [{ title: { equals: 'a' } }, { AND: [{ authors: { all: '1' } }] }] },
      'where[or][1][AND][0][authors][all]: the all operator',
    ],
    [
      'near',
      { location: { near: '1,2,1000' } },
      'where[location][near]: the near operator is not supported here; geographic filters need a point field',
    ],
    [
      'within',
      { input: { within: { type: 'Polygon' } } },
      'where[input][within]: the within operator is not supported here',
    ],
    [
      'intersects on a path it does not know',
      { nope: { intersects: {} } },
      'where[nope][intersects]: the intersects operator',
    ],
    [
      'a relationship to several collections by id alone',
      { document: { equals: 1 } },
      'where[document][equals]: "document" relates to several collections; filter by document.relationTo and document.value',
    ],
    [
      'exists on a relationship to several collections',
      { document: { exists: true } },
      'where[document][exists]: "document" relates to several',
    ],
    [
      'one id for in on a relationship to several collections',
      { 'document.value': { in: '1' } },
      'where[document.value][in]: on a relationship to several collections, in takes a list (where[document.value][in][0]=…), not one value.',
    ],
    [
      'a path into rich text',
      { 'body.root.type': { equals: 'root' } },
      'where[body.root.type][equals]: filtering inside rich text is not supported here; filter "body" itself with like or contains.',
    ],
    [
      'a comparison inside JSON',
      { 'input.attempt': { less_than: 3 } },
      'where[input.attempt][less_than]: the less_than operator is not supported inside a JSON field here; use equals, not_equals, in, not_in, like, not_like, contains, exists.',
    ],
    [
      'one value for in inside JSON',
      { 'input.attempt': { not_in: '1' } },
      'where[input.attempt][not_in]: inside a JSON field, not_in takes a list',
    ],
    [
      'an object for exists inside JSON',
      { 'input.attempt': { exists: ['a'] } },
      'where[input.attempt][exists]: expects true or false, not a list.',
    ],
    [
      'a path into JSON in an array',
      { 'log.input.attempt': { equals: 1 } },
      'where[log.input.attempt][equals]: filtering inside a JSON field of an array or blocks is not supported here',
    ],
    [
      'an object where a value belongs',
      { title: { equals: { a: 'b' } } },
      'where[title][equals]: expects a single value, not an object.',
    ],
    [
      'a list where a value belongs',
      { title: { greater_than: ['a', 'b'] } },
      'where[title][greater_than]: expects a single value, not a list.',
    ],
    [
      'an object on a path it does not know',
      { latest: { equals: { a: 'b' } } },
      'where[latest][equals]: expects a single value, not an object.',
    ],
    [
      'a list under contains on a single-value field',
      { title: { contains: ['a'] } },
      'where[title][contains]: expects a single value, not a list.',
    ],
    [
      'an object for a list',
      { tags: { in: { a: 'b' } } },
      'where[tags][in]: expects a list of values, not an object.',
    ],
    [
      'an object in a list',
      { tags: { not_in: ['a', { a: 'b' }] } },
      'where[tags][not_in]: item 1 is an object; a list holds single values.',
    ],
    [
      '{ relationTo, value } on a relationship to one collection',
      { authors: { equals: { relationTo: 'authors', value: 1 } } },
      'where[authors][equals]: expects a single value, not an object.',
    ],
    [
      'a date that is none',
      { publishedAt: { equals: 'notadate' } },
      'where[publishedAt][equals]: "notadate" is not a date; send one such as 2026-05-01 or 2026-05-01T09:00:00Z.',
    ],
    [
      'a date that is none in a list',
      { publishedAt: { in: '2026-05-01,soon' } },
      'where[publishedAt][in]: "soon" is not a date',
    ],
    [
      'a bad operand in a filter of the related documents',
      { authors: { contains: { name: { equals: ['a'] } } } },
      'where[authors][contains][name][equals]: expects a single value, not a list.',
    ],
  ])('on SQLite, refuses %s, naming the condition', (_, where, message) => {
    expect(find(where, 'sqlite')).toContain(message)
  })

  it.each<[string, unknown]>([
    ['all', { tags: { all: ['a', 'b'] }, authors: { all: '1,2' } }],
    ['near on a point field', { location: { near: [1, 2, 1000] } }],
    [
      'within and intersects on a point field and in JSON',
      { location: { within: {} }, input: { intersects: {} } },
    ],
    [
      'a relationship to several collections by id alone',
      { document: { equals: 1, exists: true } },
    ],
    [
      'paths into rich text and JSON, any operator',
      { 'body.root.type': { equals: 'root' }, 'input.attempt': { greater_than: 1, in: '1' } },
    ],
    ['an object in JSON (a literal subdocument)', { input: { equals: { a: 1 } } }],
    [
      '{ relationTo, value } on any relationship',
      { authors: { equals: { relationTo: 'authors', value: 'x' } } },
    ],
  ])('on MongoDB, accepts %s', (_, where) => {
    expect(find(where, 'mongodb')).toBeUndefined()
  })

  it.each<[string, unknown, string]>([
    [
      'near off a point field',
      { publishedAt: { near: '1,2,1000' } },
      'where[publishedAt][near]: the near operator works only on point fields; "publishedAt" is a date field.',
    ],
    [
      'within on text',
      { title: { within: {} } },
      'where[title][within]: the within operator works only on point fields and JSON fields holding GeoJSON; "title" is a text field.',
    ],
    [
      'an object where a value belongs',
      { title: { equals: { $ne: null } } },
      'where[title][equals]: expects a single value, not an object.',
    ],
    [
      'a date that is none (MongoDB would drop the condition)',
      { publishedAt: { less_than: 'soon' } },
      'where[publishedAt][less_than]: "soon" is not a date',
    ],
    [
      'near on a path that is no field',
      { id: { near: [1, 2, 1000] } },
      'where[id][near]: the near operator works only on point fields; "id" is no point field.',
    ],
  ])('on MongoDB, refuses %s', (_, where, message) => {
    expect(find(where, 'mongodb')).toContain(message)
  })

  it('throws the refusal as a 400', () => {
    expect(() => assertSupportedFilter({ tags: { all: ['a'] } }, pathAt, 'sqlite')).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringContaining('where[tags][all]'),
      }),
    )
    expect(() => assertSupportedFilter({ tags: { in: ['a'] } }, pathAt, 'sqlite')).not.toThrow()
  })
})
