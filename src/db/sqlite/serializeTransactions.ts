import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

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
}
