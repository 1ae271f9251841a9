import type { Payload } from 'payload'

import { COUNTERS } from '../../src/collections/slugs'
import { parseDatabaseUri, type Database } from '../../src/env'
import { startPayload } from '../../src/server/startPayload'

let instance: Promise<Payload> | undefined

/** The Payload of this test file, on the fresh database that setupEnv chose. */
export const getTestPayload = (): Promise<Payload> => (instance ??= startPayload())

export const usingMongo = (): boolean => process.env.DATABASE_URI?.startsWith('mongodb') ?? false

/** The database this test file runs on: sqlite, postgres or mongodb (setupEnv chose it). */
export const testDatabase = (): Database['kind'] =>
  parseDatabaseUri(process.env.DATABASE_URI, '').kind

/**
 * Forgets every rate-limit count. Where counts are shared (PostgreSQL, MongoDB), a test server
 * with a small limit would otherwise inherit what earlier servers on the same database counted.
 */
export async function forgetRateLimits(): Promise<void> {
  const payload = await getTestPayload()
  await payload.db.deleteMany({ collection: COUNTERS, where: { key: { like: 'rate:' } } })
}
