/**
 * Starting, measuring and stopping the servers under test. Each is a child process with the probe
 * preloaded (bench/probe.mjs) and an IPC channel to ask it for its peak RSS, event-loop delay and
 * requests in flight.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../tests/helpers/freePort'

export type ServerKind = 'ours' | 'bare' | 'floor'

export type ServerSpec = {
  /** Short id used in results and --servers: ours, ours-nocache, bare, bare-idx, floor. */
  id: string
  label: string
  kind: ServerKind
  /** The entry and its environment (DATABASE_URI, CACHE, …). */
  entry: string
  env: NodeJS.ProcessEnv
  /** node flags besides the probe, e.g. --cpu-prof. */
  nodeFlags?: string[]
  logFile: string
}

export type ProbeStats = {
  peakRssMb: number
  maxEventLoopDelayMs: number
  p99EventLoopDelayMs: number
  cpuMs: number
}

const PROBE = path.resolve('bench/probe.mjs')
const STARTUP_TIMEOUT_MS = 180_000
/** A slow server answers IPC only between two blocking queries (seconds apart on the generated schema). */
const IPC_TIMEOUT_MS = 30_000

export class RunningServer {
  private child!: ChildProcess
  private exited!: Promise<number | null>
  base = ''
  /** Process spawn → first 200 on GET /api/articles, at the first start. */
  coldStartMs = 0
  restarts = 0

  private constructor(readonly spec: ServerSpec) {}

  static async start(spec: ServerSpec): Promise<RunningServer> {
    const server = new RunningServer(spec)
    server.coldStartMs = await server.launch('/api/articles')
    return server
  }

  private async launch(readyPath: string): Promise<number> {
    const port = await freePort()
    this.base = `http://127.0.0.1:${port}`
    const log = fs.openSync(this.spec.logFile, 'a')
    const started = performance.now()
    this.child = spawn(
      process.execPath,
      [...(this.spec.nodeFlags ?? []), '--import', PROBE, this.spec.entry],
      {
        env: { ...this.spec.env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', log, log, 'ipc'],
      },
    )
    fs.closeSync(log)
    this.exited = new Promise((resolve) => this.child.once('exit', resolve))
    let exitCode: number | null | undefined
    void this.exited.then((code) => (exitCode = code))
    // Poll quickly, one request at a time: the first answer may take the whole initialisation.
    while (performance.now() - started < STARTUP_TIMEOUT_MS) {
      if (exitCode !== undefined)
        throw new Error(
          `${this.spec.label} exited with ${exitCode} while starting; see ${this.spec.logFile}`,
        )
      const status = await fetch(this.base + readyPath, {
        signal: AbortSignal.timeout(60_000),
      }).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      )
      if (status === 200) return Math.round(performance.now() - started)
      await sleep(status === 0 ? 10 : 100)
    }
    await this.kill()
    throw new Error(
      `${this.spec.label} did not answer 200 on ${readyPath} within ${STARTUP_TIMEOUT_MS / 1000} s; see ${this.spec.logFile}`,
    )
  }

  private ask<T>(type: 'reset' | 'stats'): Promise<T | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(undefined), IPC_TIMEOUT_MS)
      const onMessage = (message: { type?: string }) => message?.type === type && done(message as T)
      const done = (value: T | undefined) => {
        clearTimeout(timer)
        this.child.off('message', onMessage)
        resolve(value)
      }
      this.child.on('message', onMessage)
      this.child.send({ type }, (error) => error && done(undefined))
    })
  }

  /** Starts a new measurement window (peak RSS, event-loop delay). */
  async reset(): Promise<void> {
    await this.ask('reset')
  }

  async stats(): Promise<ProbeStats | undefined> {
    const answer = await this.ask<ProbeStats>('stats')
    return (
      answer && {
        peakRssMb: answer.peakRssMb,
        maxEventLoopDelayMs: answer.maxEventLoopDelayMs,
        p99EventLoopDelayMs: answer.p99EventLoopDelayMs,
        cpuMs: answer.cpuMs,
      }
    )
  }

  /**
   * Waits until the server is idle (under 15% of a core over 300 ms). A server that cannot work off
   * its backlog in `withinMs` (bare Payload on the generated schema keeps running the requests whose
   * clients timed out) is restarted, so that the next scenario starts from an idle server; returns
   * whether it was.
   */
  async settle(withinMs: number): Promise<boolean> {
    const deadline = performance.now() + withinMs
    let last = await this.sampleCpu()
    while (last && performance.now() < deadline) {
      await sleep(300)
      const now = await this.sampleCpu()
      if (!now) break
      if ((now.cpuMs - last.cpuMs) / (now.at - last.at) < 0.15) return false
      last = now
    }
    await this.kill()
    // Restarts only wait for Payload to answer, not for a (possibly 7 s) article list.
    await this.launch(this.spec.kind === 'floor' ? '/api/articles' : '/api/users/me')
    this.restarts++
    return true
  }

  private async sampleCpu(): Promise<{ cpuMs: number; at: number } | undefined> {
    const stats = await this.stats()
    return stats && { cpuMs: stats.cpuMs, at: performance.now() }
  }

  /** SIGTERM (graceful: our server lets in-flight requests finish), then SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000)
    await this.exited
    clearTimeout(timer)
  }

  private async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    this.child.kill('SIGKILL')
    await this.exited
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
