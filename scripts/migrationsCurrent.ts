import fs from 'node:fs'
import path from 'node:path'

import { getPayload } from 'payload'

/**
 * Compares the schema the config describes with the latest committed migration snapshot, as
 * `migrate:create` would, and names the missing statements: SQLite (npm run check:generated) and
 * PostgreSQL (tests/int/migrations-current.test.ts); MongoDB needs none.
 */
export async function checkMigrationsCurrent(): Promise<string[]> {
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  const db = payload.db as unknown as {
    migrationDir: string
    schema: unknown
    requireDrizzleKit: () => {
      generateDrizzleJson: (schema: unknown) => Promise<unknown>
      generateMigration: (before: unknown, after: unknown) => Promise<string[]>
    }
  }
  const snapshots = fs
    .readdirSync(db.migrationDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
  const latest = snapshots.at(-1)
  if (!latest)
    return ['no migration snapshot is committed: run `npm run migrate:create -- <name>`.']
  const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
  const before = JSON.parse(fs.readFileSync(path.join(db.migrationDir, latest), 'utf8'))
  const statements = await generateMigration(before, await generateDrizzleJson(db.schema))
  await payload.destroy()
  return statements.length
    ? [
        `the schema differs from migration ${latest} by ${statements.length} statement(s), e.g. ${statements[0].slice(0, 120)}: run \`npm run migrate:create -- <name>\`.`,
      ]
    : []
}
