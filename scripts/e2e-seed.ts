/**
 * Seeds the demo newsroom into DATABASE_URI (which must be empty) for `npm run test:e2e`, with the
 * environment the server will run with: under NODE_ENV=production, startPayload() runs the
 * committed migrations first. Run as `node --conditions=production --import tsx scripts/e2e-seed.ts`.
 */
import { seedDemo } from '../src/seed/seedDemo'
import { startPayload } from '../src/server/startPayload'

const payload = await startPayload()
try {
  const seeded = await seedDemo(payload, process.env.DEMO_PASSWORD || 'demo-password')
  if (!seeded)
    throw new Error(
      `${process.env.DATABASE_URI} already has users; the e2e test needs a fresh database.`,
    )
} finally {
  await payload.destroy().catch(() => undefined)
}
process.exit(0)
