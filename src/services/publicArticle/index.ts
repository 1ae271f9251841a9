import type { Client } from '@libsql/client'
import type { Payload } from 'payload'

import { readFromSqlite } from './fromSqlite'
import { readThroughPayload } from './throughPayload'
import type { PublicArticle } from './types'

export type { PublicArticle } from './types'

/**
 * GET /api/public/articles/:slug's document: on SQLite by the lean reader when it can build the
 * page, otherwise (MongoDB, or a body with embedded media or links) through Payload.
 */
export async function readPublicArticle(payload: Payload, slug: string): Promise<PublicArticle | null> {
  const db = payload.db as unknown as { name?: string; client?: Client }
  if (db.name === 'sqlite' && db.client) {
    const page = await readFromSqlite(payload, db.client, slug)
    if (page !== undefined) return page
  }
  return readThroughPayload(payload, slug)
}
