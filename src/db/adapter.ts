import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { database, pushesSchema } from '../env'
import { migrations } from '../migrations'
import { withCommitCallbacks } from './afterCommit'
import { withSqliteWorkarounds } from './sqlite'
import { addListingIndexes } from './sqliteIndexes'

const migrationDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

/**
 * SQLite (embedded, zero-setup) or MongoDB (production), chosen by DATABASE_URI. MongoDB's adapter
 * and driver are loaded only when they are the database: hundreds of modules, a slower start.
 */
export async function databaseAdapter(): Promise<DatabaseAdapterObj> {
  const db = database()
  if (db.kind === 'mongodb') {
    const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
    return withCommitCallbacks(
      mongooseAdapter({
        url: db.url,
        // Fail in seconds, not the driver's 30 s, when the server is unreachable.
        connectOptions: { serverSelectionTimeoutMS: 5000 },
        migrationDir,
      }),
    )
  }
  // The commit callbacks wrap the workarounds: they run once the transaction's turn has ended, so
  // one may write in a transaction of its own (the public pages' render) without waiting on itself.
  return withCommitCallbacks(
    withSqliteWorkarounds(
      sqliteAdapter({
        client: { url: db.url },
        wal: true,
        // Every write in a transaction: a failed save leaves nothing half-written.
        transactionOptions: { behavior: 'immediate' },
        push: pushesSchema(),
        migrationDir,
        prodMigrations: migrations,
        beforeSchemaInit: [addListingIndexes],
      }),
    ),
  )
}
