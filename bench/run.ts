/**
 * `npm run bench`: seeds a fresh database, starts our production server (cache on, then off), bare
 * Payload (generated schema, then with two indexes) and the raw SQL floor on copies of it, runs
 * every scenario against each with autocannon, and writes bench/results/latest.{json,md}.
 *
 *   npm run bench                       10,000 articles, and list/article pages at 1,000 (growth)
 *   npm run bench -- --small            1,000 articles only (quick checks)
 *   npm run bench -- --large            100,000 articles
 *   npm run bench -- --sizes 1000,10000 --duration 3 --warmup 1 --connections 50 --editor-connections 10
 *   npm run bench -- --servers ours,bare-idx --scenarios list,article --cpu-prof --keep
 *   npm run bench -- --report bench/results/latest.json     (renders latest.md again)
 *
 * DATABASE_URI=mongodb://… seeds a fresh database on that MongoDB and runs our server only (bare
 * Payload and the floor read SQLite copies).
 *
 *   npm run bench -- --db postgres      on a throwaway PostgreSQL (or POSTGRES_URL's server): our
 *                                       server and bare Payload on copies of one seeded database;
 *                                       the floor is SQLite's, so it does not run
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { buildIfStale, buildServer } from '../scripts/buildIfStale'
import { startPostgres, type Postgres } from '../tests/helpers/postgres'
import { buildBareIfStale } from './bare/build'
import {
  copyDatabase,
  dropMongoDatabase,
  seedDatabase,
  type IndexVariant,
  type Seeded,
} from './databases'
import { measure } from './load'
import { summariseProfiles } from './profile'
import {
  loadAverage,
  machine,
  markdown,
  progressLine,
  type RunRecord,
  type ServerRecord,
  type SizeRecord,
} from './report'
import { SCENARIOS, type Scenario } from './scenarios'
import { RunningServer, type ServerKind, type ServerSpec } from './servers'

type Server = {
  id: string
  label: string
  kind: ServerKind
  variant: IndexVariant
  cache?: 'on' | 'off'
}

const SERVERS: Server[] = [
  { id: 'ours', label: 'ours (cache on)', kind: 'ours', variant: 'as-seeded', cache: 'on' },
  {
    id: 'ours-nocache',
    label: 'ours (CACHE=off)',
    kind: 'ours',
    variant: 'as-seeded',
    cache: 'off',
  },
  { id: 'bare-idx', label: 'bare Payload + 2 indexes', kind: 'bare', variant: 'two-indexes' },
  { id: 'bare', label: 'bare Payload (generated schema)', kind: 'bare', variant: 'generated' },
  { id: 'floor', label: 'raw SQL floor', kind: 'floor', variant: 'as-seeded' },
]
/** At the smaller sizes: does latency grow with the table? */
const GROWTH_SCENARIOS = ['list', 'article']

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean' },
    large: { type: 'boolean' },
    sizes: { type: 'string' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'editor-connections': { type: 'string', default: '10' },
    servers: { type: 'string' },
    scenarios: { type: 'string' },
    'cpu-prof': { type: 'boolean' },
    /** `postgres`: seed and serve on PostgreSQL. */
    db: { type: 'string', default: 'sqlite' },
    keep: { type: 'boolean' },
    /** Renders latest.md again from a results file, without running anything. */
    report: { type: 'string' },
  },
})
const RESULTS = path.resolve('bench/results')
if (args.report) {
  const report = markdown(JSON.parse(fs.readFileSync(args.report, 'utf8')) as RunRecord)
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), report)
  console.log(report)
  process.exit(0)
}
const sizes = (
  args.sizes?.split(',') ?? (args.small ? ['1000'] : args.large ? ['100000'] : ['1000', '10000'])
)
  .map(Number)
  .sort((a, b) => a - b)
const timing = { durationS: Number(args.duration), warmupS: Number(args.warmup) }
const connections = Number(args.connections)
const editorConnections = Number(args['editor-connections'])
if (
  [...sizes, timing.durationS, timing.warmupS, connections, editorConnections].some(
    (n) => !Number.isFinite(n) || n <= 0,
  )
) {
  console.error(
    'bench: sizes, --duration, --warmup and the connection counts must be positive numbers',
  )
  process.exit(2)
}
const mongoUri = /^mongodb(\+srv)?:\/\//.test(process.env.DATABASE_URI ?? '')
  ? process.env.DATABASE_URI
  : undefined
if (!['sqlite', 'postgres'].includes(args.db!)) {
  console.error(`bench: --db is sqlite or postgres, not "${args.db}"`)
  process.exit(2)
}
let postgres: Postgres | undefined
if (args.db === 'postgres') {
  try {
    postgres = await startPostgres()
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`)
    process.exit(1)
  }
}
const chosen = (list: string | undefined, all: string[]) =>
  list ? list.split(',').filter((id) => all.includes(id)) : all
const serverIds = chosen(
  args.servers,
  SERVERS.map((s) => s.id),
)
  .filter((id) => !mongoUri || SERVERS.find((s) => s.id === id)!.kind === 'ours')
  // The floor is raw SQL on SQLite.
  .filter((id) => !postgres || SERVERS.find((s) => s.id === id)!.kind !== 'floor')
const scenarioIds = chosen(
  args.scenarios,
  SCENARIOS.map((s) => s.id),
)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'))
const started = performance.now()
const log = (line: string) => {
  const elapsed = Math.round((performance.now() - started) / 1000)
  console.log(
    `[${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(elapsed % 60).padStart(2, '0')}] ${line}`,
  )
}
/** Servers get the machine's environment without mail, webhook, cache or database settings: a benchmark emails nobody and runs the defaults. */
const baseEnv: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(SMTP_|WEBHOOK_|CACHE|DATABASE_URI)/.test(name),
    ),
  ),
  NODE_ENV: 'production',
  PAYLOAD_SECRET: 'benchmark-secret-not-for-production',
  NEXT_TELEMETRY_DISABLED: '1',
}

const run: RunRecord = {
  machine: machine(),
  database: mongoUri ? 'mongodb' : postgres ? 'postgres' : 'sqlite',
  options: { ...timing, connections, editorConnections, sizes },
  sizes: [],
  finished: false,
}
const save = () => {
  fs.mkdirSync(RESULTS, { recursive: true })
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(run, null, 2))
}

log(
  `Benchmark: ${sizes.join(', ')} articles; servers ${serverIds.join(', ')}; ${timing.durationS} s per scenario; temporary files in ${dir}`,
)
if (serverIds.some((id) => SERVERS.find((s) => s.id === id)!.kind === 'ours')) {
  log('Production build of our admin UI (reused unless a source changed)…')
  if (buildIfStale() !== 0) throw new Error('next build failed')
  if (buildServer() !== 0) throw new Error('npm run build:server failed')
}
if (serverIds.some((id) => SERVERS.find((s) => s.id === id)!.kind === 'bare')) buildBareIfStale(log)

const seededMongo: string[] = []
try {
  for (const articles of sizes) {
    const full = articles === sizes.at(-1)
    // Every server publishes its own slice of the approved articles (they share one MongoDB database).
    const perServer = Math.ceil(timing.durationS) + 5
    log(`Seeding ${articles.toLocaleString('en-US')} articles…`)
    const seeded = await seedDatabase({
      articles,
      approvedReady: perServer * 2,
      drafts: Math.max(50, editorConnections * 2),
      dir,
      mongoUri,
      postgres: postgres?.url,
      env: baseEnv,
    })
    if (mongoUri) seededMongo.push(seeded.databaseUri)
    log(
      `Seeded in ${(seeded.dataset.seedMs / 1000).toFixed(1)} s (${(seeded.wallMs / 1000).toFixed(1)} s with start-up and migrations)`,
    )
    const size: SizeRecord = {
      articles,
      seed: { wallMs: seeded.wallMs, seedMs: seeded.dataset.seedMs, counts: seeded.dataset.counts },
      servers: [],
    }
    run.sizes.push(size)

    const servers = SERVERS.filter((s) => serverIds.includes(s.id) && (full || s.kind === 'ours'))
    for (const [index, server] of servers.entries()) {
      const scenarios = SCENARIOS.filter(
        (s) =>
          scenarioIds.includes(s.id) &&
          s.kinds.includes(server.kind) &&
          (full || GROWTH_SCENARIOS.includes(s.id)),
      )
      const publishIds = mongoUri
        ? seeded.dataset.approvedReadyIds.slice(index * perServer, (index + 1) * perServer)
        : seeded.dataset.approvedReadyIds
      size.servers.push(await benchServer(server, seeded, scenarios, publishIds))
      save()
    }
  }
  run.finished = true
} finally {
  run.elapsedS = Math.round((performance.now() - started) / 1000)
  run.machine.loadAverage.end = loadAverage()
  save()
  if (run.sizes.length) {
    const report = markdown(run)
    fs.writeFileSync(path.join(RESULTS, 'latest.md'), report)
    console.log(`\n${report}`)
    log(`Wrote ${path.relative(process.cwd(), RESULTS)}/latest.json and latest.md`)
  }
  for (const uri of seededMongo)
    await dropMongoDatabase(uri).catch((error) => log(`Could not drop ${uri}: ${error}`))
  await postgres?.stop().catch((error) => log(`Could not stop PostgreSQL: ${error}`))
  if (args.keep) log(`Kept ${dir}`)
  else fs.rmSync(dir, { recursive: true, force: true })
}

async function benchServer(
  server: Server,
  seeded: Seeded,
  scenarios: Scenario[],
  publishIds: Seeded['dataset']['approvedReadyIds'],
): Promise<ServerRecord> {
  const { articles } = seeded.dataset
  const record: ServerRecord = {
    id: server.id,
    label: server.label,
    kind: server.kind,
    restarts: 0,
    scenarios: [],
  }
  const name = `${server.id}-${articles}`
  const databaseUri = mongoUri
    ? seeded.databaseUri
    : await copyDatabase(seeded, path.join(dir, `${name}.db`), server.variant)
  const profileDir = path.join(RESULTS, 'profiles', name)
  const spec: ServerSpec = {
    id: server.id,
    label: server.label,
    kind: server.kind,
    logFile: path.join(dir, `${name}.log`),
    ...entryOf(server, databaseUri),
    nodeFlags: [
      ...(entryOf(server, databaseUri).nodeFlags ?? []),
      ...(args['cpu-prof'] && server.kind === 'ours'
        ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
        : []),
    ],
  }
  log(`Starting ${server.label}…`)
  let running: RunningServer
  try {
    running = await RunningServer.start(spec)
  } catch (error) {
    record.error = (error as Error).message
    log(`${server.label}: ${record.error}`)
    return record
  }
  record.coldStartMs = running.coldStartMs
  log(`${server.label}: first 200 on /api/articles ${running.coldStartMs} ms after spawn`)
  try {
    for (const scenario of scenarios) {
      const scenarioConnections = scenario.editor ? editorConnections : connections
      const entry: ServerRecord['scenarios'][number] = { id: scenario.id, title: scenario.title }
      try {
        const prepared = await scenario.prepare({
          base: running.base,
          kind: server.kind,
          dataset: seeded.dataset,
          publishIds,
          connections: scenarioConnections,
        })
        if ('skip' in prepared) entry.skipped = prepared.skip
        else
          entry.result = await measure(running, prepared, {
            ...timing,
            connections: scenarioConnections,
          })
      } catch (error) {
        entry.error = (error as Error).message
      }
      record.scenarios.push(entry)
      log(progressLine(server.label, entry))
    }
  } finally {
    record.restarts = running.restarts
    await running.stop()
    if (!mongoUri && !postgres && !args.keep)
      for (const suffix of ['', '-wal', '-shm'])
        fs.rmSync(new URL(databaseUri).pathname + suffix, { force: true })
  }
  if (args['cpu-prof'] && server.kind === 'ours')
    log(`CPU profile of ${server.label}:\n${summariseProfiles(profileDir)}`)
  return record
}

/** The node flags of `npm start` (its conditions, its heap cap), read from package.json. */
function startFlags(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>
  }
  const command = scripts.start!.split(/\s+/)
  return command.slice(command.indexOf('node') + 1).filter((word) => word.startsWith('--'))
}

function entryOf(
  server: Server,
  databaseUri: string,
): Pick<ServerSpec, 'entry' | 'env' | 'nodeFlags'> {
  const env = { ...baseEnv, DATABASE_URI: databaseUri, MEDIA_DIR: path.join(dir, 'media') }
  if (server.kind === 'ours') {
    // The real production entry, as `npm start` runs it (compiled ahead of time, its node flags),
    // with the admin UI's production build.
    return {
      entry: 'dist/server/index.mjs',
      env: { ...env, ADMIN_UI: 'build', CACHE: server.cache ?? 'on' },
      nodeFlags: startFlags(),
    }
  }
  if (server.kind === 'bare')
    return {
      entry: 'bench/bare/server.ts',
      env,
      nodeFlags: ['--conditions=production', '--import', 'tsx'],
    }
  return { entry: 'bench/floor.ts', env, nodeFlags: ['--import', 'tsx'] }
}
