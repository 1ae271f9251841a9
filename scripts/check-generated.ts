/**
 * Fails when a generated file is stale: the Payload types, the admin import map, the SQLite
 * migrations (the committed migrations must produce exactly the schema the config describes), or
 * `.env.example` and the variable table of docs/configuration.md (generated from src/env.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

process.env.PAYLOAD_DB_PUSH = 'false'
process.env.DATABASE_URI = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-check-')), 'check.db')}`

const { generateTypes } = await import('payload/node')
const { generateImportMap } = await import('payload')
const { default: configPromise } = await import('../payload.config')
const config = await configPromise

const { envDocsProblems } = await import('./generate-env')
const problems: string[] = [...envDocsProblems()]

const typesFile = config.typescript.outputFile!
const freshTypes = path.join(os.tmpdir(), `payload-types-${process.pid}.ts`)
process.env.PAYLOAD_TS_OUTPUT_PATH = freshTypes
await generateTypes(config, { log: false })
if (fs.readFileSync(freshTypes, 'utf8') !== fs.readFileSync(typesFile, 'utf8')) {
  problems.push(
    `${path.relative(process.cwd(), typesFile)} is stale: run \`npm run generate:types\`.`,
  )
}

const importMapFile = path.resolve('src/app/(payload)/admin/importMap.js')
const committedImportMap = fs.readFileSync(importMapFile, 'utf8')
await generateImportMap(config, { log: false })
if (fs.readFileSync(importMapFile, 'utf8') !== committedImportMap) {
  fs.writeFileSync(importMapFile, committedImportMap)
  problems.push('the admin import map is stale: run `npm run generate:importmap`.')
}

const { checkMigrationsCurrent } = await import('./migrationsCurrent')
problems.push(...(await checkMigrationsCurrent()))

if (problems.length) {
  for (const problem of problems) console.error(`Generated files: ${problem}`)
  process.exit(1)
}
console.log(
  'Generated files are current (types, import map, migrations, .env.example, docs/configuration.md).',
)
process.exit(0)
