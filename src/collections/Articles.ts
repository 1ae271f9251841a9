import type { CollectionConfig } from 'payload'
import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { admins } from '../access/admins'
import { authenticated } from '../access/authenticated'
import { staffOrPublished } from '../access/staffOrPublished'
import { Quote } from '../blocks/Quote'
import { slugField } from '../fields/slug'
import { includeCitedSources } from '../hooks/articles/includeCitedSources'
import { normaliseTags } from '../hooks/articles/normaliseTags'
import { ARTICLES, AUTHORS, MEDIA, SOURCES } from './slugs'

export const Articles: CollectionConfig = {
  slug: ARTICLES,
  access: {
    read: staffOrPublished,
    create: authenticated,
    update: authenticated,
    delete: admins,
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'authors', 'updatedAt', 'publishedAt'],
  },
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'dek', label: 'Standfirst', type: 'textarea', maxLength: 300 },
    {
      name: 'body',
      type: 'richText',
      editor: lexicalEditor({
        // Quotations go through the Quote block, which cites a source; the plain blockquote does not.
        features: ({ defaultFeatures }) => [
          ...defaultFeatures.filter((feature) => feature.key !== 'blockquote'),
          BlocksFeature({ blocks: [Quote] }),
        ],
      }),
    },
    { name: 'heroImage', type: 'upload', relationTo: MEDIA },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: AUTHORS,
      hasMany: true,
      required: true,
      minRows: 1,
      admin: { position: 'sidebar' },
    },
    {
      name: 'sources',
      type: 'relationship',
      relationTo: SOURCES,
      hasMany: true,
      admin: { position: 'sidebar', description: 'Sources cited in Quote blocks are added automatically.' },
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      maxRows: 20,
      maxLength: 50,
      hooks: { beforeValidate: [normaliseTags] },
      admin: { position: 'sidebar' },
    },
    { name: 'publishedAt', type: 'date', index: true, admin: { position: 'sidebar' } },
    { name: 'commentsEnabled', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
  ],
  hooks: {
    beforeChange: [includeCitedSources],
  },
  versions: {
    drafts: { autosave: { interval: 2000 } },
    maxPerDoc: 50,
  },
}
