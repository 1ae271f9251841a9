/**
 * `npm run test:e2e`: builds the admin UI if stale, seeds the demo newsroom into a fresh temporary
 * SQLite database, starts the real server on it (production mode, 127.0.0.1, a free port), hands
 * its URL to the tests (`inject('baseUrl')`), and stops it afterwards. Its webhooks go to a port
 * where nothing listens (`inject('deadWebhookUrl')`), so a publish leaves a delivery that fails for good.
 *
 * E2E_BASE_URL=http://… skips all of that and runs the tests against a server already running with
 * the demo data (e.g. `npm run demo`); each run adds its own uniquely titled articles to it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { buildIfStale } from '../../scripts/buildIfStale'

const SCREENSHOTS = path.resolve('tests/e2e/screenshots')
const STARTUP_TIMEOUT_MS = 90_000

export default async function setup(project: TestProject) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  for (const file of fs.readdirSync(SCREENSHOTS))
    if (/\.(png|log)$/.test(file)) fs.rmSync(path.join(SCREENSHOTS, file))

  const reuse = process.env.E2E_BASE_URL?.replace(/\/$/, '')
  if (reuse) {
    project.provide('baseUrl', reuse)
    project.provide('sharedServer', true)
    return
  }

  const startedAt = Date.now()
  const built = buildIfStale()
  if (built !== 0) throw new Error(`next build failed (exit ${built}); see its output above.`)
  const builtAt = Date.now()

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'))
  const logFile = path.join(SCREENSHOTS, 'server.log')
  const env = serverEnv(dir)
  const deadWebhookUrl = `http://127.0.0.1:${await freePort()}/e2e-hook`

  // Seeded without webhooks: the only delivery is the one the test's own publish queues.
  const seed = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/e2e-seed.ts'],
    { env, encoding: 'utf8' },
  )
  fs.writeFileSync(logFile, `--- seed (exit ${seed.status})\n${seed.stdout}${seed.stderr}`)
  if (seed.status !== 0)
    throw new Error(
      `Seeding the demo newsroom failed (exit ${seed.status}):\n${seed.stderr || seed.stdout}`,
    )
  const seededAt = Date.now()

  const { server, baseUrl } = await startServer(withDeadWebhook(env, deadWebhookUrl), logFile)
  console.log(
    `e2e: admin build ${secs(builtAt - startedAt)}, seed ${secs(seededAt - builtAt)}, server up ${secs(Date.now() - seededAt)} at ${baseUrl} (database and media in ${dir}, log in ${path.relative(process.cwd(), logFile)})`,
  )
  project.provide('baseUrl', baseUrl)
  project.provide('sharedServer', false)
  project.provide('deadWebhookUrl', deadWebhookUrl)

  return async () => {
    await stop(server)
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The production server's environment, on a fresh database; nothing inherited may email or call out. */
function serverEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
    DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    ADMIN_UI: 'build',
    DEMO_PASSWORD: 'demo-password',
    // Every story logs its users in once, all from 127.0.0.1: more than the default 10 logins in
    // 15 minutes. The limit itself is tested over HTTP (tests/http/security-accounts.test.ts).
    AUTH_RATE_LIMIT: '50/900',
    // Likewise the stories post their readers' comments from one address.
    COMMENT_RATE_LIMIT: '30/60',
  }
  for (const name of [
    'SMTP_HOST',
    'WEBHOOK_URLS',
    'WEBHOOK_SECRET',
    'CORS_ORIGINS',
    'TRUST_PROXY',
    'PAYLOAD_DB_PUSH',
    'NODE_OPTIONS',
  ]) {
    delete env[name]
  }
  return env
}

/**
 * Webhooks to a port that was free a moment ago (connection refused; not a fixed low port such as
 * 9, which fetch refuses as a "bad port" without connecting), signed as production requires, and
 * retried at once: each of the 9 attempts then waits only for the runner's next 5-second turn.
 */
function withDeadWebhook(env: NodeJS.ProcessEnv, url: string): NodeJS.ProcessEnv {
  return {
    ...env,
    WEBHOOK_URLS: url,
    WEBHOOK_SECRET: randomBytes(32).toString('hex'),
    WEBHOOK_RETRY_DELAY_MS: '10',
  }
}

/**
 * Starts `src/server/index.ts` on a free port. The port is chosen here rather than with PORT=0
 * because SERVER_URL must name it: Payload honours the login cookie only from SERVER_URL's origin.
 */
async function startServer(
  baseEnv: NodeJS.ProcessEnv,
  logFile: string,
): Promise<{ server: ChildProcess; baseUrl: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const env = { ...baseEnv, PORT: String(port), SERVER_URL: baseUrl }
    fs.appendFileSync(logFile, `\n--- server on ${baseUrl} (attempt ${attempt})\n`)
    const log = fs.openSync(logFile, 'a')
    const server = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'src/server/index.ts'],
      {
        env,
        stdio: ['ignore', log, log],
      },
    )
    fs.closeSync(log)
    try {
      await waitUntilReady(server, baseUrl)
      return { server, baseUrl }
    } catch (error) {
      await stop(server)
      // Another process may have taken the port between the check and the listen: try another one.
      if (
        attempt < 3 &&
        /EADDRINUSE/.test(fs.readFileSync(logFile, 'utf8').split('--- server').at(-1) ?? '')
      )
        continue
      throw new Error(
        `${(error as Error).message}\n--- server log (${logFile}):\n${tail(logFile)}`,
        { cause: error },
      )
    }
  }
}

async function waitUntilReady(server: ChildProcess, baseUrl: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  let exited: number | null = null
  server.once('exit', (code) => (exited = code ?? -1))
  for (;;) {
    if (exited !== null) throw new Error(`The server exited (code ${exited}) before it was ready.`)
    if (Date.now() > deadline)
      throw new Error(`The server was not ready within ${STARTUP_TIMEOUT_MS / 1000} s.`)
    // Ready: the database answers, and the admin UI renders (the first render also warms Next up).
    const ok = await fetch(`${baseUrl}/healthz`)
      .then(async (res) => res.ok && (await fetch(`${baseUrl}/admin/login`)).ok)
      .catch(() => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** SIGTERM (the server closes gracefully), SIGKILL after 15 s. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const tail = (file: string) => fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n')

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** E2E_BASE_URL: a server that may hold earlier runs' articles. */
    sharedServer: boolean
    /** Where the e2e server sends webhooks (nothing listens there); unset for E2E_BASE_URL. */
    deadWebhookUrl?: string
  }
}
