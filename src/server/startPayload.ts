import fs from 'node:fs'
import path from 'node:path'

import { getPayload, type Migration, type Payload } from 'payload'

import config from '../../payload.config'
import { assertMongoReachable } from '../db/checkMongo'
import { database, isProduction, pushesSchema, requireSecret } from '../env'
import { migrations } from '../migrations'

/**
 * Connects Payload to the configured database with the schema up to date: production runs the
 * committed migrations through `prodMigrations`; demo and test runs apply the same migrations here,
 * so every SQLite file but the developer's own push-mode one is shaped by migrations alone.
 */
export async function startPayload({ cron = false }: { cron?: boolean } = {}): Promise<Payload> {
  requireSecret()
  const db = database()
  if (db.kind === 'mongodb') await assertMongoReachable(db.url)
  else fs.mkdirSync(path.dirname(db.file), { recursive: true })

  const payload = await getPayload({ config, cron })
  if (db.kind === 'sqlite' && !isProduction() && !pushesSchema()) {
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  return payload
}
