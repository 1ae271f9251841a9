/**
 * Bare Payload for the benchmark's comparison: our collections and fields exactly (so Payload
 * generates the same schema and reads the same database), without anything we added on top —
 * no collection hooks, endpoints, access rules (anyone reads, as a stock Payload site with public
 * collections would), query caps, cache, custom GraphQL or indexes. Field definitions stay as they
 * are: they are the schema.
 */
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type CollectionConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from '../../src/collections/Articles'
import { Authors } from '../../src/collections/Authors'
import { Comments } from '../../src/collections/Comments'
import { Media } from '../../src/collections/Media'
import { Sources } from '../../src/collections/Sources'
import { Users } from '../../src/collections/Users'
import { WorkflowEvents } from '../../src/collections/WorkflowEvents'

const bare = ({
  hooks: _hooks,
  endpoints: _endpoints,
  access: _access,
  ...collection
}: CollectionConfig): CollectionConfig => ({
  ...collection,
  access: { read: () => true },
})

export default buildConfig({
  admin: { user: Users.slug },
  collections: [Articles, Authors, Sources, Comments, Media, Users, WorkflowEvents].map(bare),
  // push off, no migrations: the benchmark hands it a copy of the seeded database as it is.
  db: /^postgres(ql)?:\/\//.test(process.env.DATABASE_URI ?? '')
    ? postgresAdapter({ pool: { connectionString: process.env.DATABASE_URI }, push: false })
    : sqliteAdapter({ client: { url: process.env.DATABASE_URI ?? '' }, push: false }),
  editor: lexicalEditor(),
  secret: process.env.PAYLOAD_SECRET ?? '',
  sharp,
  telemetry: false,
})
