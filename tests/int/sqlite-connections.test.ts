import fs from 'node:fs'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload, testDatabase } from '../helpers/payload'

/** Open file descriptors of this process on the test database file. */
function openDatabaseFiles(): number {
  const file = fs.realpathSync(process.env.DATABASE_URI!.replace(/^file:/, ''))
  return fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === file
    } catch {
      return false
    }
  }).length
}

if (testDatabase() !== 'sqlite')
  console.log(`sqlite-connections: skipped on ${testDatabase()} — it counts SQLite file handles.`)

describe.skipIf(testDatabase() !== 'sqlite' || !fs.existsSync('/proc/self/fd'))(
  'SQLite connections under a stream of saves',
  () => {
    let payload: Payload
    beforeAll(async () => {
      payload = await getTestPayload()
    })

    it('does not keep a connection open per write transaction', async () => {
      await payload.create({
        collection: 'sources',
        data: { name: 'Warm-up source', kind: 'news_agency' },
      })
      const before = openDatabaseFiles()
      for (let i = 0; i < 150; i++) {
        await payload.create({
          collection: 'sources',
          data: { name: `Source ${i}`, kind: 'news_agency' },
        })
      }
      // Without closing them, each transaction's connection stays open until a garbage collection.
      expect(openDatabaseFiles() - before).toBeLessThanOrEqual(3)
    })
  },
)
