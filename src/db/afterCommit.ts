import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

type TransactionId = string | number

const waiting = new Map<TransactionId, Array<() => void>>()

/**
 * Runs `callback` once the request's transaction has committed, or at once when the request has
 * none (the write is already done). A rollback drops it. For effects that must not be seen before
 * the data is: a reader that looks while the write is still uncommitted reads the old data.
 */
export async function afterCommit(req: PayloadRequest, callback: () => void): Promise<void> {
  const id = await req.transactionID
  if (id === undefined || id === null) return callback()
  const callbacks = waiting.get(id)
  if (callbacks) callbacks.push(callback)
  else waiting.set(id, [callback])
}

/** Makes the adapter run `afterCommit` callbacks when a transaction commits. */
export function withCommitCallbacks(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as BaseDatabaseAdapter
      const commit = db.commitTransaction.bind(db)
      const rollback = db.rollbackTransaction.bind(db)
      db.commitTransaction = async (id) => {
        const key = await id
        await commit(key)
        const callbacks = waiting.get(key)
        waiting.delete(key)
        callbacks?.forEach((callback) => callback())
      }
      db.rollbackTransaction = async (id) => {
        const key = await id
        waiting.delete(key)
        await rollback(key)
      }
      return db
    },
  }
}
