import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { authenticated } from '../access/authenticated'
import { staff } from '../access/staff'
import { mediaDir } from '../env'
import { MEDIA } from './slugs'

export const Media: CollectionConfig = {
  slug: MEDIA,
  access: {
    read: anyone,
    create: authenticated,
    update: staff,
    delete: staff,
  },
  admin: { useAsTitle: 'alt' },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: ['image/*'],
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 800 },
      { name: 'hero', width: 1600 },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    { name: 'alt', type: 'text', required: true, maxLength: 300 },
    { name: 'credit', type: 'text', maxLength: 200 },
  ],
}
