import type { FlattenedField, Payload, Where } from 'payload'
import { describe, expect, it } from 'vitest'

import { assertRelationHops, walkWherePath, type WherePath } from '../../src/lib/relationHops'

const field = (name: string, type: string, extra: object = {}) =>
  ({ name, type, ...extra }) as unknown as FlattenedField
const payload = {
  collections: {
    articles: {
      config: {
        flattenedFields: [
          field('title', 'text'),
          field('authors', 'relationship', { relationTo: 'authors', hasMany: true }),
          field('body', 'richText'),
          field('lock', 'relationship', { relationTo: ['articles', 'authors'] }),
          field('sizes', 'group', {
            flattenedFields: [field('url', 'text'), field('meta', 'json')],
          }),
          field('log', 'array', { flattenedFields: [field('id', 'text'), field('input', 'json')] }),
          field('layout', 'blocks'),
        ],
      },
    },
    authors: {
      config: {
        flattenedFields: [
          field('name', 'text'),
          field('user', 'relationship', { relationTo: 'users' }),
        ],
      },
    },
    users: { config: { flattenedFields: [field('email', 'email')] } },
  },
} as unknown as Payload

describe('walkWherePath', () => {
  it.each<[string, Partial<WherePath> & { name?: string }]>([
    ['title', { name: 'title', rest: [], hops: 0, idsOf: undefined }],
    ['id', { name: undefined, hops: 0, idsOf: 'articles' }],
    ['authors', { name: 'authors', hops: 1, idsOf: 'authors' }],
    ['authors.id', { name: undefined, hops: 1, idsOf: 'authors' }],
    ['authors.name', { name: 'name', hops: 1, idsOf: undefined }],
    ['authors.user', { name: 'user', hops: 2, idsOf: 'users' }],
    ['authors.user.email', { name: 'email', hops: 2 }],
    ['authors.nope.email', { name: undefined, hops: 1 }],
    ['body.root.type', { name: 'body', rest: ['root', 'type'], hops: 0 }],
    ['lock', { name: 'lock', rest: [], idsOf: 'articles', hops: 0 }],
    ['lock.value', { name: 'lock', rest: ['value'], idsOf: undefined }],
    ['sizes.url', { name: 'url', inRows: false }],
    ['sizes__url', { name: 'url', inRows: false }],
    ['sizes.meta.width', { name: 'meta', rest: ['width'], inRows: false }],
    ['log.input.status', { name: 'input', rest: ['status'], inRows: true }],
    ['log.id', { name: 'id', idsOf: undefined, inRows: true }],
    ['layout.text', { name: 'layout', rest: ['text'], inRows: true }],
    ['title.x', { name: 'title', rest: ['x'] }],
    ['nope', { name: undefined, rest: [], hops: 0, idsOf: undefined }],
    // Versions: `version.` holds the document's fields, `parent` is the document.
    ['version.authors', { name: 'authors', hops: 1, idsOf: 'authors' }],
    ['parent', { name: undefined, hops: 1, idsOf: 'articles' }],
    ['version.parent', { name: undefined, idsOf: undefined }],
  ])('%s', (path, expected) => {
    const { field: found, rest, hops, idsOf, inRows } = walkWherePath(payload, 'articles', path)
    expect({ name: found?.name, rest, hops, idsOf, inRows }).toMatchObject(expected)
  })
})

describe('assertRelationHops', () => {
  it.each<Where>([
    { 'authors.name': { equals: 'Ada' } },
    { or: [{ authors: { in: [1] } }, { 'version.authors.name': { like: 'A' } }] },
    { 'lock.value': { equals: 1 } },
  ])('accepts a filter through at most one relationship: %j', (where) => {
    expect(() => assertRelationHops(payload, 'articles', where)).not.toThrow()
  })

  it.each<[Where, string]>([
    [{ 'authors.user.email': { like: 'a' } }, 'authors.user.email'],
    [{ and: [{ title: { equals: 'a' } }, { 'authors.user': { equals: 1 } }] }, 'authors.user'],
    [{ 'version.authors.user.email': { like: 'a' } }, 'version.authors.user.email'],
  ])('refuses %j', (where, path) => {
    expect(() => assertRelationHops(payload, 'articles', where)).toThrow(
      expect.objectContaining({
        status: 400,
        message: `Cannot query "${path}": a filter may follow at most one relationship.`,
      }),
    )
  })
})
