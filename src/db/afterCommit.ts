import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload, PayloadRequest } from 'payload'

type TransactionId = string | number

type Callback = () => void | Promise<void>

const waiting = new Map<TransactionId, Callback[]>()

/**
 * Runs `callback` once the request's transaction has committed, or at once when the request has
 * none (the write is already done). A rollback drops it. For effects that must not be seen before
 * the data is: a reader that looks while the write is still uncommitted reads the old data. The
 * commit waits for the callbacks, so a request answers once they are done; one that fails is
 * logged and does not undo the commit (work that must not be lost is queued as a job first).
 */
export async function afterCommit(req: PayloadRequest, callback: Callback): Promise<void> {
  const id = await req.transactionID
  if (id === undefined || id === null) return runLogged(req.payload.logger, callback)
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
        for (const callback of callbacks ?? []) await runLogged(db.payload.logger, callback)
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

async function runLogged(logger: Payload['logger'], callback: Callback): Promise<void> {
  try {
    await callback()
  } catch (err) {
    logger.error({ err, msg: 'A step after a commit failed; its queued job will run it again.' })
  }
}
