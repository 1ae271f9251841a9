import type { Payload } from 'payload'

import { sqliteClient } from '../../db/sqliteReads'
import { readFromSqlite } from './fromSqlite'
import { readThroughPayload } from './throughPayload'
import type { PublicArticle } from './types'

export type { PublicArticle } from './types'

/**
 * GET /api/public/articles/:slug's document: on SQLite by the lean reader when it can build the
 * page, otherwise (MongoDB, or a body with embedded media or links) through Payload.
 */
export async function readPublicArticle(
  payload: Payload,
  slug: string,
): Promise<PublicArticle | null> {
  const client = sqliteClient(payload)
  if (client) {
    const page = await readFromSqlite(payload, client, slug)
    if (page !== undefined) return page
  }
  return readThroughPayload(payload, slug)
}
