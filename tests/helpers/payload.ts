import type { Payload } from 'payload'

import { startPayload } from '../../src/server/startPayload'

let instance: Promise<Payload> | undefined

/** The Payload of this test file, on the fresh database that setupEnv chose. */
export const getTestPayload = (): Promise<Payload> => (instance ??= startPayload())

export const usingMongo = (): boolean => process.env.DATABASE_URI?.startsWith('mongodb') ?? false
