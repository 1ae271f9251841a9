import { inArray } from '@payloadcms/db-postgres/drizzle'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { BaseDatabaseAdapter, DatabaseAdapterObj, UpdateJobsArgs, Where } from 'payload'

const JOBS = 'payload-jobs'

type Jobs = BaseDatabaseAdapter['updateJobs']

/**
 * Makes the queue's batch updates safe when several instances run jobs on one database. Payload
 * claims jobs by finding those not `processing` and then marking them one by one, so two runners
 * that look at once both take the same job and deliver it twice. Here each batch update (a claim,
 * or the lease release in src/jobs/leases.ts) first takes the candidates' rows, skipping rows
 * another runner holds, and looks at them again once it has them: only rows that still match are
 * written, by Payload's own update. A job is thus claimed by exactly one runner.
 *
 * PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` in the update's transaction, then the same filter
 * again (READ COMMITTED: the second look sees every commit before the lock). MongoDB: each
 * candidate is written only if its `updatedAt` is still the one read (every job write changes it).
 * SQLite runs each update in a transaction that takes the database's one write lock: already one.
 */
export function withJobClaims(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as BaseDatabaseAdapter
      const update = db.updateJobs.bind(db)
      const claim = claimsFor(db, update)
      // Only the batch updates that take or hand back jobs; by-id updates are the runner's own.
      if (claim)
        db.updateJobs = async (jobArgs) =>
          'where' in jobArgs && jobArgs.where && typeof jobArgs.data?.processing === 'boolean'
            ? claim(jobArgs)
            : update(jobArgs)
      return db
    },
  }
}

function claimsFor(db: BaseDatabaseAdapter, update: Jobs): Jobs | undefined {
  if (db.name === 'postgres') return postgresClaims(db as unknown as PostgresAdapter, update)
  if (db.name === 'mongoose') return mongoClaims(db, update)
  return undefined
}

type BatchArgs = Extract<UpdateJobsArgs, { where: Where }>

async function matching(db: BaseDatabaseAdapter, args: BatchArgs, where: Where) {
  const found = await db.find({
    collection: JOBS,
    where,
    limit: args.limit ?? 0,
    sort: args.sort,
    pagination: false,
    req: args.req,
    select: { updatedAt: true },
  })
  return found.docs as Array<{ id: number | string; updatedAt: string }>
}

function postgresClaims(db: PostgresAdapter, update: Jobs): Jobs {
  return async (args) => {
    // Looked up per call: the adapter builds its tables after init.
    const table = db.tables[db.tableNameMap.get(JOBS.replaceAll('-', '_'))!]!
    const batch = args as BatchArgs
    const session = db.sessions[String(await batch.req?.transactionID)]?.db
    if (!session) return update(args)
    const candidates = await matching(db, batch, batch.where)
    if (!candidates.length) return []
    const held = await session
      .select({ id: table.id })
      .from(table)
      .where(
        inArray(
          table.id,
          candidates.map((job) => job.id),
        ),
      )
      .for('update', { skipLocked: true })
    if (!held.length) return []
    const still = await matching(db, batch, {
      and: [batch.where, { id: { in: held.map((row) => row.id) } }],
    })
    if (!still.length) return []
    return update({
      ...batch,
      limit: still.length,
      where: { id: { in: still.map((job) => job.id) } },
    })
  }
}

function mongoClaims(db: BaseDatabaseAdapter, update: Jobs): Jobs {
  return async (args) => {
    // The mongoose model (built on connect): it casts the id and the date as the adapter stores them.
    const jobs = (db as unknown as { collections: Record<string, MongoModel> }).collections[JOBS]!
    const batch = args as BatchArgs
    const candidates = await matching(db, batch, batch.where)
    const now = new Date()
    const won: Array<number | string> = []
    for (const job of candidates) {
      // Written only if no other runner wrote it since it was read.
      const { modifiedCount } = await jobs.updateOne(
        { _id: job.id, updatedAt: new Date(job.updatedAt) },
        { $set: { processing: batch.data.processing, updatedAt: now } },
      )
      if (modifiedCount) won.push(job.id)
    }
    if (!won.length) return []
    return update({ ...batch, limit: won.length, where: { id: { in: won } } })
  }
}

type MongoModel = {
  updateOne(filter: object, update: object): Promise<{ modifiedCount: number }>
}
