import type { Payload } from 'payload'

import { sqliteClient } from '../../db/sqliteReads'
import { listFromSqlite } from './fromSqlite'
import { listThroughPayload } from './throughPayload'
import type { ListQuery, PublicList } from './types'

export type { ListQuery, PublicList } from './types'

/** GET /api/public/articles: on SQLite by the lean reader, otherwise (MongoDB) through Payload. */
export function listPublicArticles(payload: Payload, query: ListQuery): Promise<PublicList> {
  const client = sqliteClient(payload)
  return client ? listFromSqlite(payload, client, query) : listThroughPayload(payload, query)
}
