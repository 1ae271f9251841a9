import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { admins } from '../access/admins'
import { staff } from '../access/staff'
import { slugField } from '../fields/slug'
import { validateUrl } from '../fields/validateUrl'
import { AUTHORS, MEDIA, USERS } from './slugs'

export const Authors: CollectionConfig = {
  slug: AUTHORS,
  access: {
    read: anyone,
    create: staff,
    update: staff,
    delete: admins,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'user'],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    slugField('name'),
    { name: 'bio', type: 'textarea', maxLength: 2000 },
    { name: 'photo', type: 'upload', relationTo: MEDIA },
    {
      name: 'user',
      type: 'relationship',
      relationTo: USERS,
      unique: true,
      // The public sees the byline, not which account is behind it.
      access: { read: ({ req }) => Boolean(req.user) },
      admin: { position: 'sidebar', description: 'The account that writes as this author.' },
    },
    {
      name: 'links',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 60 },
        { name: 'url', type: 'text', required: true, validate: validateUrl },
      ],
    },
  ],
}
