import type { Client } from '@libsql/client'
import type { Payload } from 'payload'

import { listFromSqlite } from './fromSqlite'
import { listThroughPayload } from './throughPayload'
import type { ListQuery, PublicList } from './types'

export type { ListQuery, PublicList } from './types'

/** GET /api/public/articles: on SQLite by the lean reader, otherwise (MongoDB) through Payload. */
export function listPublicArticles(payload: Payload, query: ListQuery): Promise<PublicList> {
  const db = payload.db as unknown as { name?: string; client?: Client }
  return db.name === 'sqlite' && db.client ? listFromSqlite(payload, db.client, query) : listThroughPayload(payload, query)
}
