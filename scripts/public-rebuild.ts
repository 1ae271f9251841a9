/**
 * `npm run public:rebuild`: renders every published article's public page again, as an anonymous
 * reader, and drops the pages of articles that are no longer public (src/services/publicPages).
 * For after a deploy that changes what is public, or after restoring a database.
 */
import { ConfigError, validateEnvironment } from '../src/env'

try {
  validateEnvironment()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  for (const line of error.message.split('\n')) console.error(`public:rebuild failed: ${line}`)
  process.exit(1)
}
const { startPayload } = await import('../src/server/startPayload')
const { rebuildPublicPages } = await import('../src/services/publicPages/render')

const payload = await startPayload()
const started = Date.now()
const result = await rebuildPublicPages(payload, (done, total) =>
  process.stdout.write(`\rpublic:rebuild: ${done} of ${total} articles`),
)
process.stdout.write('\n')
console.log(
  `public:rebuild: ${result.rendered} pages rendered, ${result.removed} articles without a public page, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
)
await payload.destroy()
process.exit(0)
