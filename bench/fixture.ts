/**
 * Child process of the benchmark: seeds the database named by DATABASE_URI (a fresh temporary one)
 * and writes what the scenarios need to know about it as JSON to the file given as argv[2].
 * A process of its own because the config reads DATABASE_URI when it is imported, and so that the
 * seeding's memory and connection are gone before any server is measured.
 *
 *   tsx --conditions=production bench/fixture.ts <out.json> '{"articles":10000,"approvedReady":50,"drafts":50}'
 */
import fs from 'node:fs'

import type { Payload } from 'payload'

import type { Dataset } from './dataset'
import type { FixtureOptions } from './fixtureSeed'

type RawTables = Record<string, { indexes?: Record<string, { name: string }> }>

const [outFile, optionsJson] = process.argv.slice(2)
const options = JSON.parse(optionsJson ?? '{}') as FixtureOptions

const { startPayload } = await import('../src/server/startPayload')
const { addListingIndexes } = await import('../src/db/listingIndexes')
const { seed } = await import('./fixtureSeed')

const payload: Payload = await startPayload()
const dataset: Dataset = {
  ...(await seed(payload, options)),
  listingIndexes: listingIndexNames(payload),
}
if (payload.db.name === 'sqlite') {
  // Everything into the main file, so that a plain copy of it is the whole database.
  await (payload.db as unknown as { drizzle: { run(sql: string): Promise<unknown> } }).drizzle.run(
    'PRAGMA wal_checkpoint(TRUNCATE)',
  )
}
fs.writeFileSync(outFile!, JSON.stringify(dataset))
await payload.destroy()
process.exit(0)

/**
 * The indexes that src/db/listingIndexes.ts adds to Payload's generated SQL schema, found by running
 * that hook on a copy of the schema without indexes: bare Payload's "generated schema" drops
 * exactly these, whatever the hook adds in the future.
 */
function listingIndexNames(payload: Payload): string[] {
  if (payload.db.name === 'mongoose') return []
  const tables = (payload.db as unknown as { rawTables: RawTables }).rawTables
  const bareTables = Object.fromEntries(
    Object.entries(tables).map(([key, table]) => [key, { ...table, indexes: {} }]),
  )
  addListingIndexes({ adapter: { rawTables: bareTables }, schema: {} } as unknown as Parameters<
    typeof addListingIndexes
  >[0])
  return Object.values(bareTables).flatMap((table) =>
    Object.values<{ name: string }>(table.indexes ?? {}).map((index) => index.name),
  )
}
