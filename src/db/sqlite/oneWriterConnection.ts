import { createRequire } from 'node:module'

import type { Client, TransactionMode } from '@libsql/client'
import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

type Connection = { inTransaction: boolean; exec(sql: string): void }

/**
 * @libsql/client (0.14) opens a new connection for every write transaction and never closes the
 * old one: it waits for the garbage collector, which cannot see the native memory and the open
 * file behind it. Under a stream of saves the server held an open file and megabytes per save. Write transactions here take turns
 * (serializeTransactions), so they can all run on one long-lived writer connection instead; reads
 * keep the client's own connection, so they never see uncommitted writes.
 */
export function withOneWriterConnection(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as BaseDatabaseAdapter & {
        client?: Client
        clientConfig?: { url: string }
      }
      const connect = db.connect?.bind(db)
      if (connect) {
        db.connect = async (options) => {
          await connect(options)
          if (db.client && db.clientConfig?.url.startsWith('file:'))
            useOneWriter(db.client, db.clientConfig.url)
        }
      }
      return db
    },
  }
}

function useOneWriter(client: Client, url: string): void {
  // The connection class @libsql/client itself uses (the `libsql` package beside it).
  const Database = createRequire(createRequire(import.meta.url).resolve('@libsql/client'))(
    'libsql',
  ) as new (path: string) => Connection
  // No busy timeout, as on the client's own connections: a lock held by another process is an
  // immediate SQLITE_BUSY (a 503), not a wait that would stall the event loop.
  // The file @libsql/client opens for this URL: its path, percent-decoded (spaces arrive as %20).
  const writer = new Database(decodeURIComponent(new URL(url).pathname))
  const ownConnection = client.transaction.bind(client)
  client.transaction = async (mode?: TransactionMode) => {
    // Only ever one transaction at a time on it; anything unexpected gets a connection of its own.
    if (writer.inTransaction || (mode !== undefined && mode !== 'write')) return ownConnection(mode)
    writer.exec('BEGIN IMMEDIATE')
    return new Sqlite3Transaction(writer as never, 'number')
  }
}
