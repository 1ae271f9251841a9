import type { CollectionConfig, Config } from 'payload'

import { anyone } from '../access/anyone'
import { authenticated } from '../access/authenticated'
import { staff } from '../access/staff'
import { mediaDir } from '../env'
import { nameUploadSafely } from '../hooks/media/nameUploadSafely'
import { MEDIA } from './slugs'

const internalSize = { disableListColumn: true, disableListFilter: true, disableGroupBy: true }

/** The largest file one upload may carry (media and the blog import alike). */
export const UPLOAD_LIMIT_MB = 20

/**
 * The root `upload` option (Payload's multipart reader): a file over the limit stops the upload
 * with 413, nothing stored. "limit has been reached" is what the import endpoint recognises.
 */
export const uploadLimits: Config['upload'] = {
  limits: { fileSize: UPLOAD_LIMIT_MB * 1024 * 1024 },
  abortOnLimit: true,
  responseOnLimit: `File size limit has been reached: an upload may be at most ${UPLOAD_LIMIT_MB} MB.`,
}

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
    // Payload checks the content, not the sender's type or extension. Raster images only: an SVG
    // is a document that can carry script, and Payload's SVG filter is a list of known dangers.
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'],
    // Each size's URL, width, file name... are the server's business, not list columns or filters.
    imageSizes: [
      { name: 'thumbnail', width: 400, admin: internalSize },
      { name: 'card', width: 800, admin: internalSize },
      { name: 'hero', width: 1600, admin: internalSize },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    { name: 'alt', type: 'text', required: true, maxLength: 300 },
    { name: 'credit', type: 'text', maxLength: 200 },
  ],
  hooks: {
    beforeOperation: [nameUploadSafely],
  },
}
