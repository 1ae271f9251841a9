import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

/**
 * SQLite has one writer at a time, and its driver here is synchronous: a second write transaction
 * that waited on SQLite's busy lock would block the event loop that the first one needs to finish.
 * So write transactions take turns in this process instead: each waits (asynchronously) for the
 * previous to commit or roll back. Every Payload write then runs in a real transaction, and a
 * racing request reads the state the previous one committed. (One process per SQLite file; to
 * run several instances, use MongoDB.)
 */
export function serializeTransactions(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as BaseDatabaseAdapter
      takeTurns(db)
      return db
    },
  }
}

/**
 * The adapter's writes. Payload runs one now and then outside any transaction (its jobs runner
 * deletes finished jobs so); on the client's own connection, such a write that meets the writer's
 * lock fails with SQLITE_BUSY and its statement keeps the lock, which no later write then gets.
 * So a write outside a transaction takes a turn too, as a transaction of its own.
 */
const WRITES = [
  'create',
  'deleteMany',
  'deleteOne',
  'updateJobs',
  'updateMany',
  'updateOne',
  'upsert',
] as const

function takeTurns(db: BaseDatabaseAdapter): void {
  let tail: Promise<void> = Promise.resolve()
  const releases = new Map<string | number, () => void>()
  const begin = db.beginTransaction.bind(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)

  const turn = (): Promise<() => void> => {
    let release!: () => void
    const done = new Promise<void>((resolve) => (release = resolve))
    const ready = tail.then(() => release)
    tail = tail.then(() => done)
    return ready
  }
  const finish = async (id: Parameters<typeof commit>[0], end: typeof commit) => {
    const key = await id
    try {
      await end(key)
    } finally {
      if (key !== null && key !== undefined) {
        releases.get(key)?.()
        releases.delete(key)
      }
    }
  }

  db.beginTransaction = async (options) => {
    const release = await turn()
    try {
      const id = await begin(options)
      if (id === null || id === undefined) release()
      else releases.set(id, release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }
  db.commitTransaction = (id) => finish(id, commit)
  db.rollbackTransaction = (id) => finish(id, rollback)

  for (const name of WRITES) {
    const write = (db[name] as (args: WriteArgs) => Promise<unknown>).bind(db)
    ;(db[name] as unknown) = async (args: WriteArgs) => {
      if (args.req?.transactionID) return write(args)
      const transactionID = await db.beginTransaction()
      if (transactionID === null) return write(args)
      try {
        const result = await write({ ...args, req: { ...args.req, transactionID } })
        await db.commitTransaction(transactionID)
        return result
      } catch (error) {
        await db.rollbackTransaction(transactionID)
        throw error
      }
    }
  }
}

type WriteArgs = { req?: Partial<PayloadRequest> }
