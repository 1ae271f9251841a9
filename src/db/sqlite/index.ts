import type { DatabaseAdapterObj } from 'payload'

import { withOneWriterConnection } from './oneWriterConnection'
import { serializeTransactions } from './serializeTransactions'

/**
 * Every workaround for the SQLite driver, in one place. They depend on driver internals, checked
 * against @payloadcms/db-sqlite 3.90.1 (with @payloadcms/drizzle 3.90.1, drizzle-orm 0.45.2) and
 * @libsql/client 0.14.0 (with libsql 0.4.7); re-check them when any of these changes:
 *
 * - the adapter object that `init()` returns: its `connect()`, which sets `client` from
 *   `createClient(clientConfig)`, and its `beginTransaction` / `commitTransaction` /
 *   `rollbackTransaction`, replaced here;
 * - drizzle's libsql session, which begins each Payload transaction with `client.transaction()`
 *   (no mode);
 * - `Sqlite3Client.transaction()` in @libsql/client/sqlite3, which hands its connection to the
 *   transaction and lazily opens a new one, leaving the old one for the garbage collector;
 * - `Sqlite3Transaction` from @libsql/client/sqlite3 (its constructor is marked private), built
 *   here around our own connection, and the `libsql` `Database` class it expects: synchronous,
 *   with `inTransaction`, `exec` and `prepare`, and no busy timeout (SQLITE_BUSY at once; the
 *   adapter's `busyTimeout` option stays at its default 0);
 * - libsql's statement that fails with SQLITE_BUSY outside a transaction, which keeps the write
 *   lock it took (so writes outside a transaction take a turn too: serializeTransactions).
 *
 * Not adapter decorations, so not here: what a locked, full or unreachable database answers (503,
 * for both drivers: src/services/databaseHealth.ts), and the two places that keep a write inside
 * the request's transaction because SQLite has one writer (Users' forgotPassword interval in
 * src/collections/Users.ts, cancelSchedule in src/services/workflow/schedule.ts).
 */
export function withSqliteWorkarounds(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return serializeTransactions(withOneWriterConnection(adapter))
}
