import fs from 'node:fs'
import path from 'node:path'

import { getPayload, type Migration, type Payload } from 'payload'

import config from '../../payload.config'
import { assertMongoReachable } from '../db/checkMongo'
import { assertPostgresReachable } from '../db/checkPostgres'
import { database, isProduction, pushesSchema, requireSecret } from '../env'

/**
 * Connects Payload to the configured database with the schema up to date: production runs the
 * committed migrations through `prodMigrations`; demo and test runs apply the same migrations here,
 * so every SQL database but the developer's own push-mode one is shaped by migrations alone.
 */
export async function startPayload({ cron = false }: { cron?: boolean } = {}): Promise<Payload> {
  requireSecret()
  const db = database()
  if (db.kind === 'mongodb') await assertMongoReachable(db.url)
  else if (db.kind === 'postgres') await assertPostgresReachable(db.url)
  else fs.mkdirSync(path.dirname(db.file), { recursive: true })

  const payload = await getPayload({ config, cron })
  const migrations = payload.db.prodMigrations
  if (migrations && !isProduction() && !pushesSchema()) {
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  return payload
}
