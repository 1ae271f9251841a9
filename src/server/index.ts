import { ConfigError, isProduction, validateEnvironment } from '../env'

/** One clear line per configuration mistake; anything else keeps its stack. */
function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError)
    for (const line of error.message.split('\n')) console.error(`Startup failed: ${line}`)
  else console.error('Startup failed:', error)
  process.exit(1)
}

// Every variable is checked, and every bad one reported, before the config (and its database adapter) is even imported.
try {
  validateEnvironment()
} catch (error) {
  exitOnStartupError(error)
}

const { serve } = await import('./serve')
serve()
  .then((server) => {
    const address = server.address()
    const base =
      typeof address === 'object' && address ? `http://localhost:${address.port}` : String(address)
    console.log(
      `Newsroom CMS (${isProduction() ? 'production' : 'development'}) · admin ${base}/admin · REST ${base}/api · GraphQL ${base}/api/graphql`,
    )
  })
  .catch(exitOnStartupError)
