import { setTimeout as sleep } from 'node:timers/promises'

import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { counters, type Counters } from '../../src/services/counters'
import { getTestPayload } from '../helpers/payload'

let payload: Payload
let counts: Counters

beforeAll(async () => {
  payload = await getTestPayload()
  counts = counters(payload)
})

describe(`shared counters (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('counts from 1 within a window and starts again at 1 once it has ended', async () => {
    const first = await counts.increment('window', 400)
    expect(first.count).toBe(1)
    expect(first.resetAt!.getTime()).toBeGreaterThan(Date.now())
    expect((await counts.increment('window', 400)).count).toBe(2)
    expect((await counts.read('window'))?.count).toBe(2)
    await sleep(500)
    expect(await counts.read('window')).toBeUndefined()
    expect((await counts.increment('window', 400)).count).toBe(1)
  })

  it('loses no increment of many at once, and keeps keys apart', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => counts.increment(i % 2 ? 'odd' : 'even', 60_000)),
    )
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => [i + 1, i + 1]).flat(),
    )
    expect((await counts.read('odd'))?.count).toBe(20)
  })

  it('takes one back, forgets a key, and keeps a count without a window', async () => {
    await counts.increment('back', 60_000)
    await counts.increment('back', 60_000)
    await counts.decrement('back')
    expect((await counts.read('back'))?.count).toBe(1)
    await counts.reset('back')
    expect(await counts.read('back')).toBeUndefined()
    const forever = await counts.increment('stamp')
    expect(forever).toEqual({ count: 1, resetAt: undefined })
    await counts.prune(new Date(Date.now() + 3_600_000))
    expect((await counts.read('stamp'))?.count).toBe(1)
    expect(await counts.read('odd')).toBeUndefined()
  })
})
