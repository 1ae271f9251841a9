/**
 * Seeds a benchmark newsroom and prints what it did:
 *
 *   npx tsx --conditions=production bench/seed-cli.ts [--small | --large] [--json <file>]
 *
 * Sizes: --small 1,000 published articles, default 10,000, --large 100,000 (see bench/seed.ts).
 * DATABASE_URI names the database (it must be empty); unset, a fresh temporary SQLite file is
 * built from the committed migrations and kept, so its path is printed. --json writes the
 * SeedSummary (slugs, ids, logins) to a file.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const args = process.argv.slice(2)
const unknown = args.filter(
  (arg, index) => !['--small', '--large', '--json'].includes(arg) && args[index - 1] !== '--json',
)
if (unknown.length || (args.includes('--small') && args.includes('--large'))) {
  console.error(
    `usage: bench/seed-cli.ts [--small | --large] [--json <file>]${unknown.length ? ` (unknown: ${unknown.join(' ')})` : ''}`,
  )
  process.exit(2)
}
const jsonFile = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined

// Before the config is imported: it reads the environment once.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-seed-'))
process.env.DATABASE_URI ||= `file:${path.join(dir, 'bench.db')}`
process.env.PAYLOAD_SECRET ||= 'bench-seed-secret'
process.env.MEDIA_DIR ||= path.join(dir, 'media')
process.env.PAYLOAD_DB_PUSH = 'false'
process.env.LOG_LEVEL ||= 'warn'
process.env.JOBS_AUTORUN = 'false'

const { LARGE, SMALL, STANDARD, seedNewsroom } = await import('./seed')
const { startPayload } = await import('../src/server/startPayload')

const size = args.includes('--small') ? SMALL : args.includes('--large') ? LARGE : STANDARD
const started = performance.now()
const payload = await startPayload()
console.log(
  `database ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${process.env.DATABASE_URI}`,
)
const summary = await seedNewsroom(payload, { ...size, log: (line) => console.log(line) })
if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(summary))

const { counts } = summary
const articles = counts.published + counts.drafts + counts.approvedReady
console.log(
  `seed: ${counts.published} published, ${counts.drafts} unpublished, ${counts.approvedReady} approved articles; ` +
    `${counts.comments} comments (${counts.commentsApproved} approved, ${counts.replies} replies); ${counts.authors} authors, ` +
    `${counts.sources} sources; ${(summary.elapsedMs / 1000).toFixed(1)} s on ${summary.adapter} ` +
    `(${Math.round(articles / (summary.elapsedMs / 1000))} articles/s overall)`,
)
await payload.destroy()
process.exit(0)
