import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * At most `slots` transactions of this process hold a pool connection at once; the others wait
 * (asynchronously) for a slot. Payload asks the pool for a second connection in the middle of
 * some transactions (its document-lock check on every update reads without the transaction), so
 * with as many transactions as the pool has connections each waits for a connection the others
 * hold, until the pool's connect timeout fails them all (seen at 10 concurrent editor saves on a
 * pool of 10). The connections above `slots` are left for those reads, which wait on nobody.
 */
export function withTransactionSlots(
  adapter: DatabaseAdapterObj,
  slots: number,
): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as BaseDatabaseAdapter
      const begin = db.beginTransaction.bind(db)
      const commit = db.commitTransaction.bind(db)
      const rollback = db.rollbackTransaction.bind(db)
      const waiting: Array<() => void> = []
      const held = new Set<string | number>()
      let free = slots
      const acquire = () =>
        free > 0
          ? (free--, Promise.resolve())
          : new Promise<void>((resolve) => waiting.push(resolve))
      const release = () => {
        const next = waiting.shift()
        if (next) next()
        else free++
      }
      db.beginTransaction = async (options) => {
        await acquire()
        try {
          const id = await begin(options)
          if (id === null || id === undefined) release()
          else held.add(id)
          return id
        } catch (error) {
          release()
          throw error
        }
      }
      const ending =
        (end: (id: string | number | Promise<string | number>) => Promise<void>) =>
        async (id: string | number | Promise<string | number>) => {
          const key = await id
          try {
            await end(key)
          } finally {
            if (held.delete(key)) release()
          }
        }
      db.commitTransaction = ending(commit)
      db.rollbackTransaction = ending(rollback)
      return db
    },
  }
}
