import { s3Storage as s3StoragePlugin } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { MEDIA } from '../collections/slugs'
import { s3Storage } from '../env'

/**
 * Where uploads live: an S3 bucket when S3_BUCKET is set (Payload's official adapter), so every
 * instance reads what any instance stored; otherwise files in MEDIA_DIR, which several instances
 * must share as one volume. The plugin's fields are part of the schema either way
 * (`alwaysInsertFields`), so one set of migrations serves both.
 */
export function mediaStorage(): Plugin {
  const s3 = s3Storage()
  return s3StoragePlugin({
    enabled: s3 !== undefined,
    alwaysInsertFields: true,
    collections: { [MEDIA]: true },
    bucket: s3?.bucket ?? '',
    config: {
      region: s3?.region,
      endpoint: s3?.endpoint,
      forcePathStyle: s3?.forcePathStyle,
      credentials: s3?.credentials,
    },
  })
}
