import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { database, pushesSchema } from '../env'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { withCommitCallbacks } from './afterCommit'
import { withJobClaims } from './jobClaims'
import { addListingIndexes } from './listingIndexes'
import { withSqliteWorkarounds } from './sqlite'
import { withTransactionSlots } from './transactionSlots'

/**
 * PostgreSQL connections per instance, and how many of them transactions may hold at once: the
 * rest serve the reads Payload makes beside a transaction (src/db/transactionSlots.ts).
 */
const POSTGRES_POOL = 20
const POSTGRES_TRANSACTIONS = 15

/** Each adapter's committed migrations: SQL differs between SQLite and PostgreSQL; MongoDB has none. */
const migrationDir = (adapter: 'sqlite' | 'postgres' | 'mongodb') =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations', adapter)

/**
 * SQLite (embedded, zero-setup, one process), PostgreSQL or MongoDB (production, several
 * instances), chosen by DATABASE_URI. The production adapters and their drivers are loaded only
 * when they are the database: hundreds of modules, a slower start.
 */
export async function databaseAdapter(): Promise<DatabaseAdapterObj> {
  const db = database()
  if (db.kind === 'mongodb') {
    const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
    return withJobClaims(
      withCommitCallbacks(
        mongooseAdapter({
          url: db.url,
          // Fail in seconds, not the driver's 30 s, when the server is unreachable.
          connectOptions: { serverSelectionTimeoutMS: 5000 },
          migrationDir: migrationDir('mongodb'),
        }),
      ),
    )
  }
  if (db.kind === 'postgres') {
    const [{ postgresAdapter }, { migrations }] = await Promise.all([
      import('@payloadcms/db-postgres'),
      import('../migrations/postgres'),
    ])
    return withJobClaims(
      withCommitCallbacks(
        withTransactionSlots(
          postgresAdapter({
            pool: { connectionString: db.url, connectionTimeoutMillis: 5000, max: POSTGRES_POOL },
            push: pushesSchema(),
            migrationDir: migrationDir('postgres'),
            prodMigrations: migrations,
            beforeSchemaInit: [addListingIndexes],
          }),
          POSTGRES_TRANSACTIONS,
        ),
      ),
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
        migrationDir: migrationDir('sqlite'),
        prodMigrations: sqliteMigrations,
        beforeSchemaInit: [addListingIndexes],
      }),
    ),
  )
}
