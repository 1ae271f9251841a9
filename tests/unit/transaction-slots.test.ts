import type { DatabaseAdapterObj } from 'payload'
import { describe, expect, it } from 'vitest'

import { withTransactionSlots } from '../../src/db/transactionSlots'

/** An adapter whose transactions are numbered and only recorded. */
function fakeAdapter() {
  let next = 0
  const log: string[] = []
  const db = {
    beginTransaction: async () => {
      const id = ++next
      log.push(`begin ${id}`)
      return id
    },
    commitTransaction: async (id: number) => void log.push(`commit ${id}`),
    rollbackTransaction: async (id: number) => void log.push(`rollback ${id}`),
  }
  const adapter = { init: () => db, name: 'fake', defaultIDType: 'number' }
  return { adapter: adapter as unknown as DatabaseAdapterObj, log }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('withTransactionSlots', () => {
  it('lets `slots` transactions hold a connection at once; the next begins when one ends', async () => {
    const { adapter, log } = fakeAdapter()
    const db = withTransactionSlots(adapter, 2).init({ payload: {} as never }) as unknown as {
      beginTransaction(): Promise<number>
      commitTransaction(id: number): Promise<void>
      rollbackTransaction(id: number): Promise<void>
    }
    const first = await db.beginTransaction()
    const second = await db.beginTransaction()
    let third: number | undefined
    const waiting = db.beginTransaction().then((id) => (third = id))
    await tick()
    expect(third).toBeUndefined()
    await db.commitTransaction(first)
    await waiting
    expect(third).toBe(3)
    // A rollback frees its slot too, and each slot is freed once.
    await db.rollbackTransaction(second)
    await db.rollbackTransaction(second)
    const fourth = await db.beginTransaction()
    const fifth = db.beginTransaction()
    let fifthId: number | undefined
    void fifth.then((id) => (fifthId = id))
    await tick()
    expect(fifthId).toBeUndefined()
    await db.commitTransaction(fourth)
    expect(await fifth).toBe(5)
    expect(log).toEqual([
      'begin 1',
      'begin 2',
      'commit 1',
      'begin 3',
      'rollback 2',
      'rollback 2',
      'begin 4',
      'commit 4',
      'begin 5',
    ])
  })
})
