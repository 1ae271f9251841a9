import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './src/collections/Articles'
import { Authors } from './src/collections/Authors'
import { Comments } from './src/collections/Comments'
import { Media } from './src/collections/Media'
import { Sources } from './src/collections/Sources'
import { Users } from './src/collections/Users'
import { databaseAdapter } from './src/db/adapter'
import { payloadSecret, serverUrl } from './src/env'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: Users.slug,
    // Gravatar is an external request; the admin UI must work offline.
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Newsroom' },
  },
  collections: [Articles, Authors, Sources, Comments, Media, Users],
  db: databaseAdapter(),
  editor: lexicalEditor(),
  graphQL: {
    disablePlaygroundInProduction: true,
    schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql'),
  },
  secret: payloadSecret(),
  serverURL: serverUrl(),
  sharp,
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
})
