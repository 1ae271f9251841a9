import {
  adminUi,
  ConfigError,
  database,
  isProduction,
  port,
  previewTtlSeconds,
  requireSecret,
  responseCache,
  webhookSecret,
  webhookUrls,
} from '../env'
import { authRateLimit, commentRateLimit, trustedOrigins } from '../env'

/** One clear line for a configuration mistake; anything else keeps its stack. */
function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError) console.error(`Startup failed: ${error.message}`)
  else console.error('Startup failed:', error)
  process.exit(1)
}

// Validate the environment before the config (and its database adapter) is even imported.
try {
  database()
  port()
  adminUi()
  requireSecret()
  webhookUrls()
  webhookSecret()
  previewTtlSeconds()
  responseCache()
  commentRateLimit()
  authRateLimit()
  trustedOrigins()
} catch (error) {
  exitOnStartupError(error)
}

const { serve } = await import('./serve')
serve()
  .then((server) => {
    const address = server.address()
    const base = typeof address === 'object' && address ? `http://localhost:${address.port}` : String(address)
    console.log(
      `Newsroom CMS (${isProduction() ? 'production' : 'development'}) · admin ${base}/admin · REST ${base}/api · GraphQL ${base}/api/graphql`,
    )
  })
  .catch(exitOnStartupError)
