/** The benchmark's record (bench/results/latest.json) and its Markdown report (latest.md). */
import os from 'node:os'

import type { Measurement } from './load'
import type { ServerKind } from './servers'

export type Machine = {
  cpu: string
  cores: number
  memoryGiB: number
  node: string
  os: string
  date: string
  /** 1-minute load average when the run started and ended: other work on the machine skews the figures. */
  loadAverage: { start: number; end?: number }
}

export type ScenarioRecord = {
  id: string
  title: string
  skipped?: string
  error?: string
  result?: Measurement
}
export type ServerRecord = {
  id: string
  label: string
  kind: ServerKind
  coldStartMs?: number
  restarts: number
  error?: string
  scenarios: ScenarioRecord[]
}
export type SizeRecord = {
  articles: number
  seed: { wallMs: number; seedMs: number; counts: Record<string, number> }
  servers: ServerRecord[]
}
export type RunRecord = {
  machine: Machine
  database: 'sqlite' | 'postgres' | 'mongodb'
  options: {
    durationS: number
    warmupS: number
    connections: number
    editorConnections: number
    sizes: number[]
  }
  sizes: SizeRecord[]
  finished: boolean
  elapsedS?: number
}

export function machine(): Machine {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAverage: { start: loadAverage() },
  }
}

export const loadAverage = () => Math.round(os.loadavg()[0]! * 100) / 100

const READS = [
  'list',
  'list-rest',
  'article',
  'list-author',
  'list-source',
  'list-tag',
  'graphql-list',
  'graphql-article',
  'revalidate',
  'publish',
]
const int = (value: number) => Math.round(value).toLocaleString('en-US')
const rps = (value: number) => (value >= 10 ? int(value) : value.toFixed(1))
/** Milliseconds in a column headed "ms". */
const ms = (value: number) => int(value)
/** A time in running text. */
const time = (millis: number) =>
  millis >= 1000 ? `${(millis / 1000).toFixed(1)} s` : `${int(millis)} ms`
const duration = (millis: number) =>
  millis >= 60_000
    ? `${Math.floor(millis / 60_000)} min ${Math.round((millis % 60_000) / 1000)} s`
    : `${(millis / 1000).toFixed(1)} s`
const ratio = (ours?: Measurement, theirs?: Measurement) =>
  ours && theirs ? (theirs.rps > 0 ? `${(ours.rps / theirs.rps).toFixed(1)}×` : '∞') : '–'

const find = (size: SizeRecord, server: string, scenario: string) =>
  size.servers.find((s) => s.id === server)?.scenarios.find((s) => s.id === scenario)

/** One line per scenario and server, for the progress log. */
export function progressLine(server: string, scenario: ScenarioRecord): string {
  if (scenario.skipped) return `${server} · ${scenario.id}: skipped (${scenario.skipped})`
  if (scenario.error) return `${server} · ${scenario.id}: FAILED ${scenario.error}`
  const r = scenario.result!
  const inside = r.server
    ? `, RSS ${int(r.server.peakRssMb)} MB, event loop ≤ ${time(r.server.maxEventLoopDelayMs)}`
    : ''
  const single = r.singleRequest
    ? ` (one at a time ≤ ${time(r.singleRequest.maxEventLoopDelayMs)})`
    : ''
  const side = r.side ? ` · ${r.side.summary}` : ''
  return `${server} · ${scenario.id}: ${rps(r.rps)} req/s, p50 ${time(r.p50)}, p99 ${time(r.p99)}, ${r.errors} errors${inside}${single}${side}`
}

export function markdown(run: RunRecord): string {
  const { machine: m, options: o } = run
  const main = run.sizes.at(-1)!
  const lines: string[] = []
  const table = (header: string[], rows: string[][]) => {
    // Figures right-aligned, words (scenario, server, notes) left.
    const left = (name: string) => ['scenario', 'server', 'notes', 'target'].includes(name)
    lines.push(
      `| ${header.join(' | ')} |`,
      `|${header.map((name) => (left(name) ? '---' : '---:')).join('|')}|`,
    )
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`)
    lines.push('')
  }

  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ${m.date.slice(0, 16).replace('T', ' ')} UTC; ` +
      `load average ${m.loadAverage.start} at the start, ${m.loadAverage.end ?? '?'} at the end.`,
    `${{ sqlite: 'SQLite (a temporary file)', postgres: 'PostgreSQL 15 (a throwaway server)', mongodb: 'MongoDB' }[run.database]}, ${run.sizes.map((s) => int(s.articles)).join(' and ')} published articles; ` +
      `autocannon on the same machine, ${o.connections} connections (editor side ${o.editorConnections}), ${o.durationS} s per scenario after a ${o.warmupS} s warm-up.` +
      (run.finished ? '' : ' **Unfinished run: partial results.**'),
    '',
    `Seeding: ${run.sizes.map((s) => `${int(s.articles)} articles in ${duration(s.seed.seedMs)} (${duration(s.seed.wallMs)} with start-up and migrations)`).join('; ')}.`,
    `Cold start (spawn → first 200 on GET /api/articles): ${main.servers
      .filter((s) => s.coldStartMs !== undefined)
      .map((s) => `${s.label} ${int(s.coldStartMs!)} ms`)
      .join(' · ')}.`,
    '',
  )

  const servers = main.servers
  const hasBare = servers.some((s) => s.id === 'bare-idx')
  lines.push(
    `**Requests per second, ${int(main.articles)} articles**${hasBare ? ' (ratio: ours ÷ bare Payload with the two indexes)' : ''}`,
    '',
  )
  table(
    [
      'scenario',
      ...servers.map((s) => s.label),
      ...(hasBare ? ['ours ÷ bare + 2 idx (cache on / off)'] : []),
    ],
    READS.filter((id) => servers.some((s) => find(main, s.id, id))).map((id) => {
      const title = servers.flatMap((s) => s.scenarios).find((s) => s.id === id)!.title
      const cells = servers.map((s) => {
        const record = find(main, s.id, id)
        if (!record) return '–'
        if (record.skipped) return 'n/a'
        if (record.error || !record.result) return 'failed'
        return `${rps(record.result.rps)}${record.result.errors ? ` (${int(record.result.errors)} err)` : ''}`
      })
      const bare = find(main, 'bare-idx', id)?.result
      const ratios = `${ratio(find(main, 'ours', id)?.result, bare)} / ${ratio(find(main, 'ours-nocache', id)?.result, bare)}`
      return [title, ...cells, ...(hasBare ? [ratios] : [])]
    }),
  )

  for (const size of [...run.sizes].reverse()) {
    lines.push(
      `**Every scenario, ${int(size.articles)} articles** (RSS and event-loop delay measured inside the server)`,
      '',
    )
    const rows: string[][] = []
    for (const server of size.servers) {
      if (server.error)
        rows.push([server.label, '', '', '', '', '', '', '', '', '', `failed: ${server.error}`])
      for (const s of server.scenarios) {
        const r = s.result
        const notes = [
          ...(r?.notes ?? []),
          ...(r?.side ? [r.side.summary] : []),
          ...(s.skipped ? [s.skipped] : []),
          ...(s.error ? [`failed: ${s.error}`] : []),
        ]
        if (!r) {
          rows.push([s.title, server.label, '', '', '', '', '', '', '', '', notes.join('; ')])
          continue
        }
        const errors = r.errors ? `${int(r.errors)} (${errorKinds(r)})` : '0'
        rows.push([
          s.title,
          server.label,
          rps(r.rps),
          ms(r.p50),
          ms(r.p975),
          ms(r.p99),
          errors,
          r.server ? int(r.server.peakRssMb) : '?',
          r.server ? ms(r.server.maxEventLoopDelayMs) : '?',
          r.singleRequest ? ms(r.singleRequest.maxEventLoopDelayMs) : '?',
          notes.join('; '),
        ])
      }
    }
    table(
      [
        'scenario',
        'server',
        'req/s',
        'p50 ms',
        'p97.5 ms',
        'p99 ms',
        'errors',
        'peak RSS MB',
        'max event-loop delay ms',
        'one request at a time: max event-loop delay ms',
        'notes',
      ],
      rows,
    )
  }

  if (run.sizes.length > 1) {
    const [small] = run.sizes
    lines.push(
      `**Does latency grow with the table?** ${int(small!.articles)} vs ${int(main.articles)} articles (p99 ratio; target within 1.3×)`,
      '',
    )
    const rows: string[][] = []
    for (const server of small!.servers) {
      for (const s of server.scenarios) {
        const before = s.result
        const after = find(main, server.id, s.id)?.result
        if (!before || !after) continue
        rows.push([
          s.title,
          server.label,
          `${time(before.p99)} → ${time(after.p99)}`,
          before.p99 > 0 ? `${(after.p99 / before.p99).toFixed(2)}×` : '–',
          `${rps(before.rps)} → ${rps(after.rps)}`,
        ])
      }
    }
    table(['scenario', 'server', 'p99', 'p99 ratio', 'req/s'], rows)
  }

  lines.push('**Targets** (ours; from the issue)', '')
  table(['target', 'measured', 'met'], targets(run))

  lines.push(
    'Bare Payload: our collections and fields without hooks, access rules or endpoints, served by express + Next route handlers; ' +
      'its article page is `GET /api/articles?where[slug][equals]=…&depth=1&limit=1`, which does less than ours (no comments). ' +
      'It publishes by saving `_status: published` as an admin; ours through the workflow as the publisher. ' +
      'The floor is one raw SQL query per page with @libsql/client behind node:http.',
    '',
  )
  return lines.join('\n')
}

function errorKinds(r: Measurement): string {
  const { timeouts, connectionErrors, unexpectedStatus, wrongBodies } = r.errorDetail
  return [
    timeouts && `${int(timeouts)} timeouts`,
    connectionErrors && `${int(connectionErrors)} connection errors`,
    ...Object.entries(unexpectedStatus).map(([status, count]) => `${int(count)}× ${status}`),
    wrongBodies && `${int(wrongBodies)} wrong bodies`,
  ]
    .filter(Boolean)
    .join(', ')
}

type Check = [target: string, measured: string, met: boolean | undefined]

/** The issue's targets against this run; a target the run did not measure is left open ("–"). */
function targets(run: RunRecord): string[][] {
  const main = run.sizes.at(-1)!
  const result = (server: string, scenario: string) => find(main, server, scenario)?.result
  const rate = (server: string, scenario: string, min: number, p99?: number): Check => {
    const r = result(server, scenario)
    const label = `${server === 'ours' ? '' : 'CACHE=off: '}${find(main, server, scenario)?.title ?? scenario} ≥ ${int(min)} req/s${p99 ? `, p99 ≤ ${p99} ms` : ''}`
    if (!r) return [label, 'not run', undefined]
    return [
      label,
      `${rps(r.rps)} req/s, p99 ${time(r.p99)}`,
      r.rps >= min && (!p99 || r.p99 <= p99) && r.errors === 0,
    ]
  }
  const ours = main.servers.filter((s) => s.kind === 'ours')
  const measured = ours.flatMap((s) => s.scenarios.flatMap((sc) => (sc.result ? [sc.result] : [])))
  const checks: Check[] = [
    rate('ours', 'list', 1000, 100),
    rate('ours', 'article', 600, 150),
    rate('ours', 'graphql-list', 300),
    rate('ours', 'revalidate', 3000),
    rate('ours-nocache', 'list', 1500, 50),
    rate('ours-nocache', 'article', 1500, 50),
  ]
  // Uncached, within 1.5× of one raw SQL query per page.
  for (const id of ['list', 'article']) {
    const [mine, floor] = [result('ours-nocache', id), result('floor', id)]
    checks.push([
      `CACHE=off: ${find(main, 'ours-nocache', id)?.title ?? id} within 1.5× of the raw SQL floor`,
      mine && floor ? `floor ÷ ours ${(floor.rps / Math.max(mine.rps, 1)).toFixed(2)}×` : 'not run',
      mine && floor ? floor.rps / Math.max(mine.rps, 1) <= 1.5 : undefined,
    ])
  }
  for (const server of ['ours', 'ours-nocache']) {
    const ratios = READS.flatMap((id) => {
      const [mine, bare] = [result(server, id), result('bare-idx', id)]
      return mine && bare ? [{ id, value: bare.rps > 0 ? mine.rps / bare.rps : Infinity }] : []
    })
    const worst = ratios.sort((a, b) => a.value - b.value)[0]
    checks.push([
      `≥ 3× bare Payload + 2 indexes on every read scenario${server === 'ours' ? '' : ' (CACHE=off)'}`,
      worst ? `lowest ${worst.value.toFixed(1)}× (${worst.id})` : 'not run',
      worst ? worst.value >= 3 : undefined,
    ])
  }
  for (const id of ['editor-save', 'editor-workflow', 'editor-moderation']) {
    const r = result('ours', id)
    checks.push([
      `${find(main, 'ours', id)?.title ?? id}: p99 ≤ 150 ms`,
      r ? `p99 ${time(r.p99)}` : 'not run',
      r ? r.p99 <= 150 && r.errors === 0 : undefined,
    ])
  }
  if (run.sizes.length > 1) {
    // Per server: with the cache on, a larger site also means more distinct pages per cache lifetime.
    const growth = run.sizes[0]!.servers.flatMap((server) => {
      const ratios = server.scenarios.flatMap((s) => {
        const [before, after] = [s.result, find(main, server.id, s.id)?.result]
        return before && after && before.p99 > 0
          ? [{ id: s.id, value: after.p99 / before.p99 }]
          : []
      })
      const worst = ratios.sort((a, b) => b.value - a.value)[0]
      return worst ? [{ label: server.label, ...worst }] : []
    })
    checks.push([
      `p99 within 1.3× from ${int(run.sizes[0]!.articles)} to ${int(main.articles)} articles`,
      growth.length
        ? growth.map((g) => `${g.label}: at most ${g.value.toFixed(2)}× (${g.id})`).join('; ')
        : 'not run',
      growth.length ? growth.every((g) => g.value <= 1.3) : undefined,
    ])
  }
  if (main.articles >= 100_000) {
    const r = result('ours', 'list')
    checks.push([
      `list p99 ≤ 100 ms at ${int(main.articles)} articles`,
      r ? time(r.p99) : 'not run',
      r ? r.p99 <= 100 : undefined,
    ])
  }
  const errors = measured.reduce((sum, r) => sum + r.errors, 0)
  const held = ours
    .flatMap((s) =>
      s.scenarios.flatMap((sc) =>
        sc.result?.singleRequest
          ? [{ id: sc.id, ms: sc.result.singleRequest.maxEventLoopDelayMs }]
          : [],
      ),
    )
    .sort((a, b) => b.ms - a.ms)[0]
  const rss = Math.max(...measured.map((r) => r.server?.peakRssMb ?? 0))
  const coldStart = Math.max(...ours.map((s) => s.coldStartMs ?? 0))
  checks.push(
    ['no errors in any scenario', `${int(errors)}`, measured.length ? errors === 0 : undefined],
    [
      'no single request holds the event loop > 20 ms (one connection)',
      held ? `worst ${time(held.ms)} (${held.id})` : 'not run',
      held ? held.ms <= 20 : undefined,
    ],
    ['cold start ≤ 1.5 s', `${int(coldStart)} ms`, ours.length ? coldStart <= 1500 : undefined],
    ['RSS ≤ 400 MB', `peak ${int(rss)} MB`, measured.length ? rss <= 400 : undefined],
  )
  if (main.articles === 10_000)
    checks.push([
      'seeding 10,000 articles < 3 min',
      duration(main.seed.seedMs),
      main.seed.seedMs < 180_000,
    ])
  return checks.map(([target, value, met]) => [
    target,
    value,
    met === undefined ? '–' : met ? 'yes' : '**no**',
  ])
}
