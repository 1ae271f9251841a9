import { describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'
import { embedsOf } from '../../src/services/publicPages/embeds'
import { cardOf, listKeys, listsOf } from '../../src/services/publicPages/listings'

const author = (id: number, slug: string) => ({ id, slug, name: `Author ${id}` })
const source = (id: number, slug: string) => ({ id, slug, name: `Source ${id}` })

const article = {
  id: 7,
  title: 'Harbour',
  slug: 'harbour',
  dek: 'Standfirst',
  publishedAt: '2026-12-01T10:00:00.000Z',
  authors: [author(1, 'ada'), author(2, 'ben')],
  sources: [source(3, 'wire')],
  tags: ['ports', 'economy'],
  heroImage: { id: 9, alt: 'Quay', url: '/api/media/file/quay.png' },
  body: {
    root: {
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', fields: { doc: { relationTo: 'articles', value: { id: 12 } } } },
          ],
        },
        { type: 'upload', relationTo: 'media', value: { id: 10 } },
        { type: 'relationship', relationTo: 'authors', value: 4 },
        {
          type: 'block',
          fields: { blockType: 'quote', text: 'Q', source: { id: 5, name: 'Ministry' } },
        },
        { type: 'block', fields: { blockType: 'quote', text: 'Unsourced' } },
      ],
    },
  },
} as unknown as Article

describe('embedsOf()', () => {
  it('names every document the page shows, once, from the fields and the body', () => {
    expect(embedsOf(article)).toEqual([
      'articles:12',
      'authors:1',
      'authors:2',
      'authors:4',
      'media:10',
      'media:9',
      'sources:3',
      'sources:5',
    ])
  })

  it('reads relations whether populated or bare ids, and an empty article embeds nothing', () => {
    expect(embedsOf({ authors: [1, 2], sources: [3], heroImage: 9 })).toEqual([
      'authors:1',
      'authors:2',
      'media:9',
      'sources:3',
    ])
    expect(embedsOf({})).toEqual([])
  })
})

describe('listsOf() and listKeys()', () => {
  it('puts an article on the front list and on each of its authors’, sources’ and tags’ lists', () => {
    expect(listsOf(article)).toEqual([
      'all',
      'author:ada',
      'author:ben',
      'source:wire',
      'tag:ports',
      'tag:economy',
    ])
  })

  it('keys a query by each filter it gives, in a fixed order, or the front list', () => {
    expect(listKeys({})).toEqual(['all'])
    expect(listKeys({ tag: 'ports', author: 'ada' })).toEqual(['author:ada', 'tag:ports'])
    expect(listKeys({ source: 'wire' })).toEqual(['source:wire'])
  })
})

describe('cardOf()', () => {
  it('keeps what a list shows: title, slug, standfirst, date, hero image and authors by name and slug', () => {
    expect(cardOf(article)).toEqual({
      id: 7,
      title: 'Harbour',
      slug: 'harbour',
      dek: 'Standfirst',
      publishedAt: '2026-12-01T10:00:00.000Z',
      heroImage: article.heroImage,
      authors: [
        { id: 1, name: 'Author 1', slug: 'ada' },
        { id: 2, name: 'Author 2', slug: 'ben' },
      ],
    })
  })
})
