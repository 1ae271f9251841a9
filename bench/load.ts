/**
 * One scenario against one server: a warm-up, then the measured run with autocannon, the server's
 * own figures from the probe, and whatever ran alongside (the publishing editor).
 */
import autocannon, { type Client, type Request, type Result } from 'autocannon'

import type { ProbeStats, RunningServer } from './servers'

export type SideLoop<T> = { stop(): Promise<T> }

export type LoadSpec = {
  requests: Request[]
  /** Per-connection requests (each connection its own article), instead of `requests`. */
  setupClient?: (client: Client) => void
  /** Answers that are right besides 2xx (304 on the revalidation path). */
  expectedStatuses?: number[]
  /** Counts answers whose body is wrong although the status is right (GraphQL errors, an empty list). */
  wrongBodies?: { count: number }
  /** Runs between the warm-up and the measured phase (e.g. re-reads state the warm-up changed). */
  beforeMeasure?: () => Promise<void>
  /** Runs during the measured phase only. */
  sideLoop?: () => SideLoop<SideReport>
  notes?: string[]
}

export type SideReport = { summary: string; ok: boolean; details: Record<string, unknown> }

export type Measurement = {
  connections: number
  durationS: number
  requests: number
  rps: number
  p50: number
  p975: number
  p99: number
  errors: number
  /** What the errors were: timeouts, connection errors, unexpected statuses, wrong bodies. */
  errorDetail: {
    timeouts: number
    connectionErrors: number
    unexpectedStatus: Record<string, number>
    wrongBodies: number
  }
  statusCodes: Record<string, number>
  server?: Omit<ProbeStats, 'cpuMs'>
  /**
   * The longest the server's event loop was held while it answered one request at a time (a short
   * run at one connection after the warm-up): what a single request costs the loop, not the queue
   * of a saturated server.
   */
  singleRequest?: { requests: number; maxEventLoopDelayMs: number }
  restarted: boolean
  side?: SideReport
  notes: string[]
}

export type Timing = { warmupS: number; durationS: number; connections: number }

/** Seconds of one-request-at-a-time load per scenario, for the event loop's per-request figure. */
const SINGLE_REQUEST_S = 2

export async function measure(
  server: RunningServer,
  spec: LoadSpec,
  timing: Timing,
): Promise<Measurement> {
  // Warm-up on one connection (as autocannon's own --warmup example): JIT and caches get warm, and
  // a very slow server is left with one request to finish, not fifty.
  await run({ url: server.base, spec, connections: 1, duration: timing.warmupS })
  const restartedAfterWarmup = await server.settle(10_000)
  await server.reset()
  const single = await run({ url: server.base, spec, connections: 1, duration: SINGLE_REQUEST_S })
  const singleStats = await server.stats()
  await spec.beforeMeasure?.()
  await server.reset()
  if (spec.wrongBodies) spec.wrongBodies.count = 0

  const side = spec.sideLoop?.()
  // server.base again: a restart moves the server to a new port.
  const result = await run({
    url: server.base,
    spec,
    connections: timing.connections,
    duration: timing.durationS,
  })
  const sideReport = await side?.stop()
  const stats = await server.stats()
  // A fast server has nothing in flight a moment later; a slow one is restarted for the next scenario.
  const restarted = (await server.settle(3_000)) || restartedAfterWarmup

  const expected = new Set(spec.expectedStatuses ?? [])
  const unexpectedStatus = Object.fromEntries(
    Object.entries(result.statusCodeStats)
      .filter(
        ([status]) =>
          !(Number(status) >= 200 && Number(status) < 300) && !expected.has(Number(status)),
      )
      .map(([status, { count }]) => [status, count]),
  )
  const wrongBodies = spec.wrongBodies?.count ?? 0
  const unexpected = Object.values(unexpectedStatus).reduce((sum, count) => sum + count, 0)
  const { cpuMs: _cpuMs, ...serverStats } = stats ?? ({} as ProbeStats)
  return {
    connections: timing.connections,
    durationS: result.duration,
    requests: result.latency.totalCount,
    rps: result.latency.totalCount / result.duration,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + unexpected + wrongBodies,
    errorDetail: {
      timeouts: result.timeouts,
      connectionErrors: result.errors - result.timeouts,
      unexpectedStatus,
      wrongBodies,
    },
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
    ),
    server: stats ? serverStats : undefined,
    singleRequest: singleStats && {
      requests: single.latency.totalCount,
      maxEventLoopDelayMs: singleStats.maxEventLoopDelayMs,
    },
    restarted,
    side: sideReport,
    notes: [
      ...(spec.notes ?? []),
      ...(result.latency.totalCount === 0
        ? [`no answer within the run (${result.requests.sent} requests sent)`]
        : []),
      ...(stats
        ? []
        : [
            'the server did not answer the probe within 30 s (its event loop was busy with the backlog)',
          ]),
      ...(restarted ? ['server restarted to clear its backlog of requests'] : []),
    ],
  }
}

function run({
  url,
  spec,
  connections,
  duration,
}: {
  url: string
  spec: LoadSpec
  connections: number
  duration: number
}): Promise<Result> {
  return Promise.resolve(
    autocannon({
      url,
      connections,
      duration,
      // A request over 10 s counts as a timeout (an error), and the connection sends the next one.
      timeout: 10,
      requests: spec.requests,
      setupClient: spec.setupClient,
    }),
  )
}
