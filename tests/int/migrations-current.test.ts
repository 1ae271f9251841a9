import { describe, expect, it } from 'vitest'

import { checkMigrationsCurrent } from '../../scripts/migrationsCurrent'
import { getTestPayload, testDatabase } from '../helpers/payload'

// SQLite's migrations are checked by `npm run check:generated`, which needs no server.
if (testDatabase() !== 'postgres')
  console.log(
    `migrations-current: runs on PostgreSQL only; ${testDatabase()} is checked elsewhere.`,
  )

describe.runIf(testDatabase() === 'postgres')('the committed PostgreSQL migrations', () => {
  it('describe the schema the config builds: migrate:create would write nothing', async () => {
    await getTestPayload()
    expect(await checkMigrationsCurrent()).toEqual([])
  })
})
