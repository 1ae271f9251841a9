import { eq } from '@payloadcms/db-postgres/drizzle'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { assertDocumentId } from '../plugins/refuseMalformedIds'

/**
 * Takes the write lock on one document for the rest of the request's transaction, so that the
 * writes of one document take turns across every instance: a second publish of an article waits
 * for the first to commit, then reads the state it left (and is refused 409); an edit and an
 * approval never interleave. Outside a transaction it does nothing.
 *
 * PostgreSQL: `SELECT … FOR UPDATE` on the document's row. SQLite needs none: its transactions
 * begin IMMEDIATE and so take turns whole. MongoDB needs none either: the second of two
 * transactions writing one document fails with a write conflict (answered 409, errors.ts).
 */
export async function lockForWrite(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<void> {
  const db = req.payload.db
  if (db.name !== 'postgres' || req.transactionID === undefined) return
  // A malformed id would abort the transaction with a type error; refuse it first (404).
  assertDocumentId(req.payload, collection, id)
  const adapter = db as unknown as PostgresAdapter
  const session = adapter.sessions[String(await req.transactionID)]?.db
  if (!session) return
  const table = adapter.tables[adapter.tableNameMap.get(collection.replaceAll('-', '_'))!]!
  await session.select({ id: table.id }).from(table).where(eq(table.id, id)).for('update')
}
