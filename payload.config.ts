import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './src/collections/Articles'
import { Authors } from './src/collections/Authors'
import { Comments } from './src/collections/Comments'
import { Media, uploadLimits } from './src/collections/Media'
import { Sources } from './src/collections/Sources'
import { Users } from './src/collections/Users'
import { PublicListings, PublicPages } from './src/collections/PublicPages'
import { Counters } from './src/collections/Counters'
import { WorkflowEvents } from './src/collections/WorkflowEvents'
import { databaseAdapter } from './src/db/adapter'
import { jobsConfig } from './src/jobs/config'
import { logLevel, payloadSecret, serverUrl, trustedOrigins } from './src/env'
import { getPreview } from './src/endpoints/preview'
import { importUpload } from './src/endpoints/importUpload'
import { articleWorkflowMutation } from './src/graphql/articleWorkflow'
import { publicReadQueries } from './src/graphql/publicReads'
import { GRAPHQL_MAX_COMPLEXITY, limitListRows } from './src/graphql/queryLimits'
import { afterErrorHooks, loggingLevels } from './src/hooks/errors'
import { logGraphqlRefusalsAsInfo } from './src/lib/logGraphqlRefusals'
import { capQueries } from './src/plugins/capQueries'
import { invalidatePublicCache } from './src/plugins/invalidatePublicCache'
import { keepPublicPages } from './src/plugins/keepPublicPages'
import { mediaStorage } from './src/plugins/mediaStorage'
import { refuseForbiddenKeys } from './src/plugins/refuseForbiddenKeys'
import { refuseMalformedIds } from './src/plugins/refuseMalformedIds'
import { emailAdapter } from './src/services/email'
import { checkWebhookConfig } from './src/services/outbox/webhooks'
import { requestLogFields } from './src/server/requestId'
import { ADMIN_DATE_FORMAT } from './src/lib/dates'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: Users.slug,
    // Gravatar is an external request; the admin UI must work offline.
    avatar: 'default',
    dateFormat: ADMIN_DATE_FORMAT,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Newsroom' },
    components: {
      beforeDashboard: ['/src/components/ReviewDashboard#ReviewDashboard'],
      // The blog import (POST /api/import) for admins: /admin/import, linked in the navigation.
      afterNavLinks: ['/src/components/ImportViewNavLink#ImportViewNavLink'],
      views: {
        importBlog: { Component: '/src/components/ImportView#ImportView', path: '/import' },
      },
    },
  },
  collections: [
    Articles,
    Authors,
    Sources,
    Comments,
    Media,
    Users,
    WorkflowEvents,
    PublicPages,
    PublicListings,
    Counters,
  ],
  // CORS headers, and a signed-in cookie honoured, only for SERVER_URL and CORS_ORIGINS.
  cors: trustedOrigins(),
  csrf: trustedOrigins(),
  db: await databaseAdapter(),
  editor: lexicalEditor(),
  endpoints: [getPreview, importUpload],
  email: emailAdapter(),
  graphQL: {
    disableIntrospectionInProduction: true,
    disablePlaygroundInProduction: true,
    maxComplexity: GRAPHQL_MAX_COMPLEXITY,
    mutations: articleWorkflowMutation,
    queries: publicReadQueries,
    schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql'),
    validationRules: ({ variableValues }) => [limitListRows(variableValues)],
  },
  jobs: jobsConfig(),

  hooks: { afterError: afterErrorHooks },
  // Each puts its beforeOperation hook first: the last listed runs first (ids, forbidden keys, caps).
  plugins: [
    capQueries,
    keepPublicPages,
    invalidatePublicCache,
    refuseForbiddenKeys,
    refuseMalformedIds,
    mediaStorage(),
  ],
  logger: {
    options: {
      level: logLevel(),
      mixin: requestLogFields,
      hooks: { logMethod: logGraphqlRefusalsAsInfo },
    },
  },
  onInit: checkWebhookConfig,
  loggingLevels,
  secret: payloadSecret(),
  serverURL: serverUrl(),
  sharp,
  telemetry: false,
  // Written by `npm run generate:types` only (and checked by check:generated): Payload would write
  // it on every start outside production, each test file and database adapter its own variant.
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts'), autoGenerate: false },
  upload: uploadLimits,
})
