/**
 * `npm run test:faults`: a kill -9 consistency run against the real server on SQLite, or with
 * FAULT_DB=postgres against two instances sharing one throwaway PostgreSQL, of which one is killed
 * each round while the other goes on serving.
 *
 * One temporary database is shared by every round. Round 1 seeds the demo newsroom through the
 * Local API (scripts/e2e-seed.ts). Each round starts the real entry point in production mode, fires
 * a burst of concurrent HTTP writes (article creates and draft saves as the editor, submit →
 * approve → publish pipelines with a publisher who is not an author, reader comments on published
 * articles), and SIGKILLs the server after a random 200–800 ms. Every write answered 2xx is
 * recorded. The next start (and a final one) checks, as admin over REST and on the SQLite file,
 * that the database is consistent, that every answered write survived, and that each publication
 * has exactly its webhook job (the outbox commits with the change). Exits 1 with one line
 * per violation. FAULT_ROUNDS sets the number of rounds (default 3 on SQLite, 20 on PostgreSQL).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import pg from 'pg'

import { freePort } from '../tests/helpers/freePort'
import { databaseUrl, startPostgres, type Postgres } from '../tests/helpers/postgres'

/** Two instances on one PostgreSQL, one of them killed each round; else one server on SQLite. */
const CLUSTER = process.env.FAULT_DB === 'postgres'
const ROUNDS = Number(process.env.FAULT_ROUNDS || (CLUSTER ? 20 : 3))
const PASSWORD = 'fault-password'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-faults-'))
const dbFile = path.join(dir, 'cms.db')
const started = Date.now()
const violations: string[] = []
let checksPassed = 0
let answered = 0

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production' as const,
  ADMIN_UI: 'off',
  PAYLOAD_SECRET: 'faults-' + Math.random().toString(36).slice(2),
  HOST: '127.0.0.1',
  DATABASE_URI: `file:${dbFile}`, // PostgreSQL's, in cluster runs, set in main()
  MEDIA_DIR: path.join(dir, 'media'),
  AUTH_RATE_LIMIT: '1000/60',
  COMMENT_RATE_LIMIT: '1000/60',
  // Nothing runs the queue, so every webhook job stays where the check below can count it.
  JOBS_AUTORUN: 'false',
  WEBHOOK_URLS: 'http://127.0.0.1:9/faults-hook',
  WEBHOOK_SECRET: 'faults-webhook-secret',
  LOG_LEVEL: 'warn',
}

/** What the server claimed, by answered writes. */
type Claims = {
  created: { id: number; title: string }[]
  saves: Map<number, { answered?: string; attemptedAfter: string[] }>
  transitions: { id: number; action: string; to: string; eventId?: number }[]
  comments: number[]
}
const claims: Claims = { created: [], saves: new Map(), transitions: [], comments: [] }

function check(ok: boolean, message: string) {
  if (ok) checksPassed++
  else violations.push(message)
}

type Server = { base: string; child: ChildProcess; log: () => string }
/** Every server started, so that none outlives the run. */
const servers_: Server[] = []
let postgres: Postgres | undefined

async function startServer(): Promise<Server> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'src/server/index.ts'],
    {
      env: { ...baseEnv, PORT: String(port), SERVER_URL: base },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  child.stdout!.on('data', (c) => (log += c))
  child.stderr!.on('data', (c) => (log += c))
  const deadline = Date.now() + 60_000
  while (!/REST http:\/\/localhost:\d+\/api/.test(log)) {
    if (child.exitCode !== null)
      throw new Error(`server exited ${child.exitCode} on start:\n${log}`)
    if (Date.now() > deadline) child.kill('SIGKILL')
    if (Date.now() > deadline) throw new Error(`server did not start within 60 s:\n${log}`)
    await sleep(100)
  }
  const server = { base, child, log: () => log }
  servers_.push(server)
  return server
}

async function stop(server: Server, signal: NodeJS.Signals) {
  if (server.child.exitCode !== null || server.child.signalCode) return
  const exited = new Promise((r) => server.child.once('exit', r))
  server.child.kill(signal)
  await exited
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function api(base: string, method: string, url: string, token?: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: res.status, json }
}

async function login(base: string, who: string): Promise<string> {
  const { status, json } = await api(base, 'POST', '/api/users/login', undefined, {
    email: `${who}@example.com`,
    password: PASSWORD,
  })
  if (status !== 200) throw new Error(`login ${who}: ${status} ${JSON.stringify(json)}`)
  return json.token
}

const body = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' },
        ],
      },
    ],
  },
})

/**
 * The burst: runs until `victim` is killed; records only what was answered 2xx. Its requests go
 * round the `servers`, so in a cluster run some land on the one that lives on.
 */
async function burst(servers: Server[], victim: Server, round: number) {
  const base = servers[0]!.base
  let turn = 0
  const next = () => servers[turn++ % servers.length]!.base
  const [editor, publisher] = [await login(base, 'editor'), await login(base, 'publisher')]
  const authors = (await api(base, 'GET', '/api/authors?limit=100&depth=0', editor)).json.docs as {
    id: number
    name: string
  }[]
  // Sam Whitfield has no account: the publisher is never an author of the pipeline's articles.
  const guest = authors.find((a) => a.name === 'Sam Whitfield')!.id
  const published = (await api(base, 'GET', '/api/articles?limit=100&depth=0')).json.docs as {
    id: number
  }[]
  if (process.env.FAULT_DEBUG) console.log('published', published.length)
  let dead = false
  const alive = () => !dead
  let n = 0
  const uniq = () => `r${round}-${++n}-${Math.random().toString(36).slice(2, 7)}`

  const create = async (title: string) => {
    const r = await api(next(), 'POST', '/api/articles?draft=true', editor, {
      title,
      dek: `Standfirst for ${title}.`,
      authors: [guest],
      body: body(`Body of ${title}.`),
    })
    if (r.status >= 200 && r.status < 300) {
      claims.created.push({ id: r.json.doc.id, title })
      answered++
      return r.json.doc.id as number
    }
    return undefined
  }
  const transition = async (id: number, token: string, action: string) => {
    const r = await api(next(), 'POST', `/api/articles/${id}/workflow`, token, { action })
    if (r.status >= 200 && r.status < 300) {
      claims.transitions.push({ id, action, to: r.json.reviewState, eventId: r.json.event?.id })
      answered++
      return true
    }
    return false
  }
  const saver = async () => {
    while (alive()) {
      const id = await create(`Draft ${uniq()}`)
      if (!id) continue
      for (let i = 0; i < 3 && alive(); i++) {
        const title = `Saved ${uniq()}`
        const entry = claims.saves.get(id) ?? { attemptedAfter: [] }
        claims.saves.set(id, entry)
        entry.attemptedAfter.push(title)
        const r = await api(next(), 'PATCH', `/api/articles/${id}?draft=true`, editor, { title })
        if (r.status >= 200 && r.status < 300) {
          entry.answered = title
          entry.attemptedAfter = []
          answered++
        }
      }
    }
  }
  const pipeline = async () => {
    while (alive()) {
      const id = await create(`Pipeline ${uniq()}`)
      if (!id) continue
      if (!(await transition(id, editor, 'submit'))) continue
      if (!(await transition(id, publisher, 'approve'))) continue
      await transition(id, publisher, 'publish')
    }
  }
  const commenter = async () => {
    while (alive() && published.length) {
      const article = published[Math.floor(Math.random() * published.length)].id
      const r = await api(next(), 'POST', '/api/comments', undefined, {
        article,
        authorName: 'Fault Reader',
        authorEmail: 'reader@example.org',
        body: `Comment ${uniq()}`,
      })
      if (r.status >= 200 && r.status < 300) {
        claims.comments.push(r.json.doc.id)
        answered++
      } else if (process.env.FAULT_DEBUG) console.log('comment', r.status, JSON.stringify(r.json))
    }
  }
  // Warm-up (answered writes too): the first request of each kind is slow on a fresh process.
  await create(`Warm-up ${uniq()}`)
  const warm = await api(base, 'POST', '/api/comments', undefined, {
    article: published[0].id,
    authorName: 'Fault Reader',
    authorEmail: 'reader@example.org',
    body: `Warm-up ${uniq()}`,
  })
  if (warm.status >= 200 && warm.status < 300) {
    claims.comments.push(warm.json.doc.id)
    answered++
  } else if (process.env.FAULT_DEBUG) console.log('comment', warm.status, JSON.stringify(warm.json))
  const workers = [
    saver(),
    saver(),
    pipeline(),
    pipeline(),
    pipeline(),
    commenter(),
    commenter(),
  ].map((w) => w.catch(() => undefined /* connection reset by the kill */))
  const delay = 200 + Math.floor(Math.random() * 600)
  await sleep(delay)
  await stop(victim, 'SIGKILL')
  dead = true
  await Promise.all(workers)
  return delay
}

type Rows = { rows: Record<string, unknown>[] }

/** The run's database for the checks below: the SQLite file, or the PostgreSQL database. */
async function openDatabase(): Promise<{
  query(sql: string): Promise<Rows>
  close(): Promise<void>
}> {
  if (CLUSTER) {
    const client = new pg.Client({ connectionString: baseEnv.DATABASE_URI })
    await client.connect()
    return { query: (sql) => client.query(sql), close: () => client.end() }
  }
  const db = createClient({ url: `file:${dbFile}` })
  return {
    query: async (sql) => (await db.execute(sql)) as unknown as Rows,
    close: async () => db.close(),
  }
}

/** Consistency and durability checks, as admin over REST and in the database. */
async function verify(server: Server, label: string) {
  const { base } = server
  const admin = await login(base, 'admin')
  const { json } = await api(base, 'GET', '/api/articles?draft=true&limit=10000&depth=0', admin)
  const articles = json.docs as any[]
  const byId = new Map(articles.map((a) => [a.id, a]))
  for (const a of articles) {
    const tag = `${label}: article ${a.id}`
    check(Boolean(a.title), `${tag} has no title`)
    check(Boolean(a.slug), `${tag} has no slug`)
    check(Array.isArray(a.authors) && a.authors.length > 0, `${tag} has no author`)
    const wf = await api(base, 'GET', `/api/articles/${a.id}/workflow`, admin)
    check(wf.status === 200, `${tag}: GET workflow answered ${wf.status}`)
    if (wf.status !== 200) continue
    check(
      wf.json.reviewState === a.reviewState,
      `${tag}: workflow says ${wf.json.reviewState}, latest version says ${a.reviewState}`,
    )
    const latest = wf.json.history?.[0]
    if (latest)
      check(
        latest.to === a.reviewState,
        `${tag}: latest event ${latest.action} → ${latest.to} but reviewState is ${a.reviewState}`,
      )
    if (a.reviewState === 'published') {
      check(a._status === 'published', `${tag}: reviewState published but _status ${a._status}`)
      const pub = await api(base, 'GET', `/api/articles/${a.id}?depth=0`)
      check(
        pub.status === 200,
        `${tag}: reviewState published but anonymous read answered ${pub.status}`,
      )
    }
  }
  // Every answered write is present.
  for (const c of claims.created)
    check(
      byId.has(c.id),
      `${label}: created article ${c.id} ("${c.title}") was answered 2xx but is missing`,
    )
  for (const [id, s] of claims.saves) {
    if (!s.answered || !byId.has(id)) continue
    const title = byId.get(id).title
    check(
      title === s.answered || s.attemptedAfter.includes(title),
      `${label}: article ${id} save "${s.answered}" was answered 2xx but its latest title is "${title}"`,
    )
  }
  const events = (await api(base, 'GET', '/api/workflow-events?limit=100000&depth=0', admin)).json
    .docs as any[]
  const eventIds = new Set(events.map((e) => e.id))
  for (const t of claims.transitions) {
    const ok =
      t.eventId !== undefined
        ? eventIds.has(t.eventId)
        : events.some((e) => e.article === t.id && e.action === t.action && e.to === t.to)
    check(
      ok,
      `${label}: ${t.action} on article ${t.id} (→ ${t.to}, event ${t.eventId}) was answered 2xx but is not in the history`,
    )
  }
  const states = ['draft', 'in_review', 'approved', 'published']
  const lastTransition = new Map(claims.transitions.map((t) => [t.id, t]))
  for (const [id, last] of lastTransition) {
    const a = byId.get(id)
    if (!a) continue
    // Nothing but this run touches a pipeline article, so its state is the last answered one or a later one.
    check(
      states.indexOf(a.reviewState) >= states.indexOf(last.to),
      `${label}: article ${id} answered ${last.action} (→ ${last.to}) but its reviewState is ${a.reviewState}`,
    )
  }
  for (const id of claims.comments) {
    const r = await api(base, 'GET', `/api/comments/${id}?depth=0`, admin)
    check(r.status === 200, `${label}: comment ${id} was answered 2xx but GET answered ${r.status}`)
  }
  // In the database: no version without its article, and (SQLite) its own check.
  const db = await openDatabase()
  try {
    const orphans = await db.query(
      'SELECT count(*) AS n FROM _articles_v WHERE parent_id IS NULL OR parent_id NOT IN (SELECT id FROM articles)',
    )
    check(
      Number(orphans.rows[0].n) === 0,
      `${label}: ${orphans.rows[0].n} article version rows without their article`,
    )
    const bare = await db.query(
      'SELECT count(*) AS n FROM articles WHERE id NOT IN (SELECT parent_id FROM _articles_v WHERE parent_id IS NOT NULL)',
    )
    check(
      Number(bare.rows[0].n) === 0,
      `${label}: ${bare.rows[0].n} articles without any version row`,
    )
    // The main row too (REST with draft=true reads the latest version).
    const half = await db.query(
      `SELECT id FROM articles WHERE title IS NULL OR title = '' OR slug IS NULL OR slug = ''
         OR id NOT IN (SELECT parent_id FROM articles_rels WHERE path = 'authors' AND authors_id IS NOT NULL)`,
    )
    check(
      half.rows.length === 0,
      `${label}: half-written article rows (no title, slug or author): ${half.rows.map((r) => r.id).join(', ')}`,
    )
    // The outbox: each publish or unpublish in the history has its webhook job, and no job exists
    // for a change that did not commit (one receiver, so one job per event).
    const announced = await db.query(
      `SELECT article_id AS id, count(*) AS n FROM workflow_events
         WHERE action IN ('publish', 'scheduled_publish', 'unpublish') GROUP BY article_id`,
    )
    const queued = new Map<number, number>()
    for (const row of (
      await db.query(`SELECT input FROM payload_jobs WHERE task_slug = 'deliverWebhook'`)
    ).rows) {
      // Text on SQLite, JSON already on PostgreSQL.
      const input = typeof row.input === 'string' ? JSON.parse(row.input) : row.input
      const id = Number(JSON.parse((input as { body: string }).body).id)
      queued.set(id, (queued.get(id) ?? 0) + 1)
    }
    const events = new Map(announced.rows.map((row) => [Number(row.id), Number(row.n)]))
    for (const id of new Set([...events.keys(), ...queued.keys()])) {
      check(
        (events.get(id) ?? 0) === (queued.get(id) ?? 0),
        `${label}: article ${id} has ${events.get(id) ?? 0} publish/unpublish events but ${queued.get(id) ?? 0} webhook jobs`,
      )
    }
    if (!CLUSTER) {
      const integrity = await db.query('PRAGMA integrity_check')
      const result = integrity.rows.map((r) => String(Object.values(r)[0])).join('; ')
      check(result === 'ok', `${label}: PRAGMA integrity_check: ${result}`)
    }
  } finally {
    await db.close()
  }
  return articles.length
}

async function main() {
  if (CLUSTER) {
    postgres = await startPostgres()
    baseEnv.DATABASE_URI = databaseUrl(postgres.url, 'newsroom_faults')
  }
  const seed = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/e2e-seed.ts'],
    {
      env: { ...baseEnv, DEMO_PASSWORD: PASSWORD },
      encoding: 'utf8',
    },
  )
  if (seed.status !== 0) throw new Error(`seeding failed:\n${seed.stdout}${seed.stderr}`)
  console.log(
    `faults: seeded the demo newsroom into ${CLUSTER ? 'a throwaway PostgreSQL (two instances)' : dbFile}`,
  )
  // In a cluster run the instance that was not killed serves on; the killed one starts again.
  const servers: Server[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    while (servers.length < (CLUSTER ? 2 : 1)) servers.push(await startServer())
    if (round > 1) await verify(servers[0]!, `after kill ${round - 1}`)
    const before = answered
    const victim = servers[round % servers.length]!
    const delay = await burst(servers, victim, round)
    servers.splice(servers.indexOf(victim), 1)
    console.log(
      `faults: round ${round}: killed -9 ${CLUSTER ? 'one of two instances ' : ''}after ${delay} ms, ${answered - before} writes answered 2xx`,
    )
  }
  if (!servers.length) servers.push(await startServer())
  try {
    const count = await verify(servers[0]!, `after kill ${ROUNDS}`)
    console.log(`faults: final check over ${count} articles`)
  } finally {
    for (const server of servers) await stop(server, 'SIGTERM')
  }
}

try {
  await main()
} catch (error) {
  // Never leave a server behind.
  for (const server of servers_)
    if (server.child.exitCode === null && !server.child.signalCode) server.child.kill('SIGKILL')
  violations.push(`run failed: ${error instanceof Error ? error.stack : String(error)}`)
}
const seconds = ((Date.now() - started) / 1000).toFixed(1)
for (const v of violations) console.error(`VIOLATION ${v}`)
console.log(
  `faults: ${ROUNDS} rounds, ${answered} writes answered 2xx (${claims.created.length} creates, ${claims.transitions.length} transitions, ` +
    `${claims.comments.length} comments), ${checksPassed} checks passed, ${violations.length} violations, ${seconds} s`,
)
await postgres?.stop().catch(() => undefined)
if (violations.length === 0) fs.rmSync(dir, { recursive: true, force: true })
else if (!CLUSTER) console.error(`faults: database kept at ${dbFile}`)
process.exit(violations.length ? 1 : 0)
