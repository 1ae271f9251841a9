import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'

import { inject } from 'vitest'

import { databaseUrl } from './postgres'

// Runs before each test file, before the Payload config is imported: every file gets a fresh
// database (never ./data) and its own media folder.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'))
process.env.PAYLOAD_SECRET = 'test-secret'
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.PAYLOAD_DB_PUSH = 'false'
// Whatever the developer's shell exports, tests never email or call real receivers.
for (const name of ['SMTP_HOST', 'WEBHOOK_URLS', 'WEBHOOK_SECRET']) delete process.env[name]
// Tests run the jobs queue themselves (tests/helpers/jobs.ts): Payload's REST handlers start the
// autorun cron, which would otherwise deliver in the middle of a test.
process.env.JOBS_AUTORUN = 'false'

const mongoUri = process.env.TEST_DB === 'mongodb' ? inject('mongoUri') : undefined
if (process.env.TEST_DB === 'postgres') {
  // scripts/test-postgres.ts names the server; Payload creates this file's database on connecting.
  const server = process.env.POSTGRES_URL
  if (!server) throw new Error('TEST_DB=postgres needs POSTGRES_URL: run `npm run test:postgres`.')
  process.env.DATABASE_URI = databaseUrl(server, `newsroom_test_${randomUUID().slice(0, 8)}`)
} else if (mongoUri) {
  const url = new URL(mongoUri)
  url.pathname = `/newsroom-${randomUUID().slice(0, 8)}`
  process.env.DATABASE_URI = url.toString()
} else {
  process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
}
