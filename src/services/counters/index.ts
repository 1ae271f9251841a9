import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { COUNTERS } from '../../collections/slugs'

/** A count and the end of its window (undefined: it never resets). */
export type Count = { count: number; resetAt?: Date }

/**
 * Counts every instance shares: rate limits hold for a client whichever instance it reaches, and
 * a change stamp is read by all of them. On PostgreSQL and MongoDB they are kept in the database,
 * one atomic statement per increment (an upsert; findOneAndUpdate), so concurrent increments from
 * several instances are never lost; a window that has ended starts again at 1. SQLite serves one
 * process, so its counts stay in that process's memory, off the database's single writer.
 */
export type Counters = {
  /** Whether other instances see these counts (false: SQLite's one process). */
  shared: boolean
  /** Adds one; a window that has ended, or a new key, starts at 1 and ends `windowMs` from now. */
  increment(key: string, windowMs?: number): Promise<Count>
  /** The current count; undefined when there is none or its window has ended. */
  read(key: string): Promise<Count | undefined>
  /** Takes one back (express-rate-limit's skipped requests). */
  decrement(key: string): Promise<void>
  /** Forgets the key. */
  reset(key: string): Promise<void>
  /** Deletes counts whose window ended before `before`. */
  prune(before: Date): Promise<void>
}

const countersOf = new WeakMap<object, Counters>()

export function counters(payload: Payload): Counters {
  let found = countersOf.get(payload.db)
  if (!found) {
    found =
      payload.db.name === 'mongoose'
        ? mongoCounters(payload)
        : payload.db.name === 'postgres'
          ? postgresCounters(payload)
          : memoryCounters()
    countersOf.set(payload.db, found)
  }
  return found
}

const windowEnd = (now: Date, windowMs: number | undefined) =>
  windowMs === undefined ? null : new Date(now.getTime() + windowMs).toISOString()

type Row = { count: number; resetAt: string | null }
const counted = (row: Row | undefined, now = new Date()): Count | undefined => {
  if (!row) return undefined
  const resetAt = row.resetAt ? new Date(row.resetAt) : undefined
  if (resetAt && resetAt <= now) return undefined
  return { count: Number(row.count), resetAt }
}

/** The one process's counts (SQLite). */
function memoryCounters(): Counters {
  const rows = new Map<string, Row>()
  return {
    shared: false,
    async increment(key, windowMs) {
      const now = new Date()
      const current = counted(rows.get(key), now)
      const row = current
        ? { count: current.count + 1, resetAt: current.resetAt?.toISOString() ?? null }
        : { count: 1, resetAt: windowEnd(now, windowMs) }
      rows.set(key, row)
      return counted(row, now)!
    },
    read: async (key) => counted(rows.get(key)),
    async decrement(key) {
      const row = rows.get(key)
      if (row && row.count > 0) row.count--
    },
    reset: async (key) => void rows.delete(key),
    async prune(before) {
      for (const [key, row] of rows)
        if (row.resetAt && new Date(row.resetAt) < before) rows.delete(key)
    },
  }
}

/** PostgreSQL, through drizzle on Payload's own table; each call a statement of its own. */
function postgresCounters(payload: Payload): Counters {
  const db = payload.db as unknown as PostgresAdapter
  const t = db.tables[db.tableNameMap.get(COUNTERS)!]!
  const fields = { count: t.count, resetAt: t.resetAt }
  return {
    shared: true,
    async increment(key, windowMs) {
      const now = new Date()
      const nowIso = now.toISOString()
      const resetAt = windowEnd(now, windowMs)
      const ended = sql`(${t.resetAt} is not null and ${t.resetAt} <= ${nowIso})`
      const [row] = (await db.drizzle
        .insert(t)
        .values({ key, count: 1, resetAt, createdAt: nowIso, updatedAt: nowIso })
        .onConflictDoUpdate({
          target: t.key,
          set: {
            count: sql`case when ${ended} then 1 else ${t.count} + 1 end`,
            resetAt: sql`case when ${ended} then ${resetAt} else ${t.resetAt} end`,
            updatedAt: nowIso,
          },
        })
        .returning(fields)) as Row[]
      return counted(row, now)!
    },
    async read(key) {
      const [row] = (await db.drizzle
        .select(fields)
        .from(t)
        .where(sql`${t.key} = ${key}`)) as Row[]
      return counted(row)
    },
    async decrement(key) {
      await db.drizzle
        .update(t)
        .set({ count: sql`${t.count} - 1` })
        .where(sql`${t.key} = ${key} and ${t.count} > 0`)
    },
    async reset(key) {
      await db.drizzle.delete(t).where(sql`${t.key} = ${key}`)
    },
    async prune(before) {
      await db.drizzle
        .delete(t)
        .where(sql`${t.resetAt} is not null and ${t.resetAt} < ${before.toISOString()}`)
    },
  }
}

type MongoRow = { count: number; resetAt: Date | string | null }
const fromMongo = (row: MongoRow | null): Row | undefined =>
  row
    ? { count: row.count, resetAt: row.resetAt && new Date(row.resetAt).toISOString() }
    : undefined

/** MongoDB: one findOneAndUpdate with an update pipeline, on the adapter's mongoose model. */
function mongoCounters(payload: Payload): Counters {
  type Model = {
    findOneAndUpdate(filter: object, update: object, options: object): Promise<MongoRow | null>
    findOne(filter: object): { lean(): Promise<MongoRow | null> }
    updateOne(filter: object, update: object): Promise<unknown>
    deleteOne(filter: object): Promise<unknown>
    deleteMany(filter: object): Promise<unknown>
  }
  const model = (payload.db as unknown as { collections: Record<string, Model> }).collections[
    COUNTERS
  ]!
  return {
    shared: true,
    async increment(key, windowMs) {
      const now = new Date()
      const resetAt = windowMs === undefined ? null : new Date(now.getTime() + windowMs)
      const ended = {
        $or: [
          { $eq: [{ $ifNull: ['$count', null] }, null] },
          { $and: [{ $ne: [{ $ifNull: ['$resetAt', null] }, null] }, { $lte: ['$resetAt', now] }] },
        ],
      }
      const row = await model.findOneAndUpdate(
        { key },
        [
          {
            $set: {
              count: { $cond: [ended, 1, { $add: ['$count', 1] }] },
              resetAt: { $cond: [ended, resetAt, '$resetAt'] },
              createdAt: { $ifNull: ['$createdAt', now] },
              updatedAt: now,
            },
          },
        ],
        { upsert: true, new: true, lean: true },
      )
      return counted(fromMongo(row), now)!
    },
    read: async (key) => counted(fromMongo(await model.findOne({ key }).lean())),
    async decrement(key) {
      await model.updateOne({ key, count: { $gt: 0 } }, { $inc: { count: -1 } })
    },
    async reset(key) {
      await model.deleteOne({ key })
    },
    async prune(before) {
      await model.deleteMany({ resetAt: { $ne: null, $lt: before } })
    },
  }
}
