/**
 * `npm run demo`: builds the admin UI (when sources changed), migrates and seeds a demo database
 * (./data/demo.db unless DATABASE_URI says otherwise), and serves it in production mode.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'

import { buildIfStale } from './buildIfStale'

if (process.env.NODE_ENV === 'production') {
  console.error(
    'npm run demo seeds demo accounts and refuses to run with NODE_ENV=production; use `npm start` for a real deployment.',
  )
  process.exit(1)
}

fs.mkdirSync('data', { recursive: true })
process.env.DATABASE_URI ||= 'file:./data/demo.db'
process.env.PAYLOAD_SECRET ||= demoSecret('data/.demo-secret')
const password = process.env.DEMO_PASSWORD || 'demo-password'

const built = buildIfStale()
if (built !== 0) process.exit(built)

Object.assign(process.env, { NODE_ENV: 'production' })
const { ConfigError } = await import('../src/env')
try {
  const { serve } = await import('../src/server/serve')
  const { seedDemo } = await import('../src/seed/seedDemo')
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')

  const server = await serve()
  const seeded = await seedDemo(await getPayload({ config }), password)
  const address = server.address()
  const base = `http://localhost:${typeof address === 'object' && address ? address.port : 3000}`
  console.log(`
Newsroom CMS demo ${seeded ? '(seeded just now)' : '(existing demo data kept)'} on ${process.env.DATABASE_URI}
  Admin UI   ${base}/admin
  REST       ${base}/api/articles
  GraphQL    ${base}/api/graphql   (POST; e.g. { Articles { docs { title } } })
  Health     ${base}/healthz
Logins (password "${seeded ? password : 'as when first seeded'}"):
  admin@example.com  publisher@example.com  editor@example.com  contributor@example.com
Stop with Ctrl+C.`)
} catch (error) {
  console.error(error instanceof ConfigError ? `Demo failed: ${error.message}` : error)
  process.exit(1)
}

function demoSecret(file: string): string {
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return fs.readFileSync(file, 'utf8').trim()
}
