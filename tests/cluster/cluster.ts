import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'
import { SMTPServer } from 'smtp-server'

import { freePort } from '../helpers/freePort'
import { databaseUrl, startPostgres, type Postgres } from '../helpers/postgres'

export const PASSWORD = 'cluster-password'

/** One process of the cluster: an app instance (`base` set) or the jobs worker. */
export type Member = {
  name: string
  child: ChildProcess
  base?: string
  log: () => string
}

/** What the webhook receiver got: one entry per delivery attempt. */
export type Delivery = { id: string; event: string; articleId: unknown; from: number }

export type Cluster = {
  postgres: Postgres
  databaseUrl: string
  env: NodeJS.ProcessEnv
  instances: Member[]
  worker: Member
  deliveries: Delivery[]
  /** The S3-compatible store the instances keep uploads in, and its bucket's folder on disk. */
  s3: { endpoint: string; bucketDir: string }
  /** The Message-ID of every email the SMTP sink received, once per receipt. */
  emails: string[]
  /** While set, a delivery of this event is held unanswered and reported to `onHeld`. */
  hold?: { event: string; onHeld: (delivery: Delivery) => void }
  receiverPort: number
  start(name: string, kind?: 'instance' | 'worker', env?: Record<string, string>): Promise<Member>
  stop(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The production shape on one machine: a throwaway PostgreSQL seeded with the demo newsroom,
 * `instances` app instances from the production build (`dist/server/index.mjs`, as `npm start`
 * runs it) and one jobs worker, all running the queue, keeping uploads in one S3 bucket (an
 * S3-compatible store on loopback), with a webhook receiver that records every delivery with the
 * process that made it, and an SMTP server that records every email.
 */
export async function startCluster(instances = 3): Promise<Cluster> {
  const build = spawnSync('npm', ['run', 'build:server'], { encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`build:server failed:\n${build.stdout}${build.stderr}`)
  const postgres = await startPostgres()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cluster-'))
  const cluster = {
    postgres,
    databaseUrl: databaseUrl(postgres.url, 'newsroom_cluster'),
    deliveries: [] as Delivery[],
    emails: [] as string[],
    instances: [] as Member[],
  } as Cluster
  const members: Member[] = []

  const receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      let parsed: { event?: string; id?: unknown } = {}
      try {
        parsed = JSON.parse(body)
      } catch {
        // Recorded with what it has.
      }
      const delivery: Delivery = {
        id: String(req.headers['webhook-id']),
        event: String(parsed.event),
        articleId: parsed.id,
        from: senderPid(req.socket.remotePort!, cluster.receiverPort),
      }
      cluster.deliveries.push(delivery)
      if (cluster.hold && delivery.event === cluster.hold.event) {
        cluster.hold.onHeld(delivery)
        return // never answered: the sender is killed holding it
      }
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  cluster.receiverPort = (receiver.address() as net.AddressInfo).port

  // Plain SMTP on loopback, no login: it keeps each message's Message-ID.
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        cluster.emails.push(/^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '(none)')
        done()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const smtpPort = (smtp.server.address() as net.AddressInfo).port

  // Uploads go to S3 (an S3-compatible store on loopback); each instance has a media folder of
  // its own, so only the bucket can make one instance's upload another's.
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: path.join(dir, 's3'),
    silent: true,
    configureBuckets: [{ name: 'media' }],
  })
  const { port: s3Port } = await s3.run()
  cluster.s3 = { endpoint: `http://127.0.0.1:${s3Port}`, bucketDir: path.join(dir, 's3', 'media') }

  cluster.env = {
    ...process.env,
    NODE_ENV: 'production',
    PAYLOAD_SECRET: 'cluster-secret-shared-by-every-instance',
    DATABASE_URI: cluster.databaseUrl,
    HOST: '127.0.0.1',
    S3_BUCKET: 'media',
    S3_ENDPOINT: cluster.s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    ADMIN_UI: 'off',
    JOBS_AUTORUN: 'true',
    // Longer than a webhook may take (10 s), so only a runner that died loses its job.
    JOBS_LEASE_SECONDS: '12',
    WEBHOOK_URLS: `http://127.0.0.1:${cluster.receiverPort}/hook`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    WEBHOOK_SECRET: 'cluster-webhook-secret',
    // As behind a proxy: each test's client is its own X-Forwarded-For address.
    TRUST_PROXY: 'loopback',
    AUTH_RATE_LIMIT: '6/60',
    COMMENT_RATE_LIMIT: '4/60',
    LOG_LEVEL: 'warn',
  }
  const seed = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/e2e-seed.ts'],
    {
      env: { ...cluster.env, MEDIA_DIR: path.join(dir, 'media-seed'), DEMO_PASSWORD: PASSWORD },
      encoding: 'utf8',
    },
  )
  if (seed.status !== 0) throw new Error(`seeding failed:\n${seed.stdout}${seed.stderr}`)

  cluster.start = async (name, kind = 'instance', env = {}) => {
    const port = kind === 'instance' ? await freePort() : undefined
    const args =
      kind === 'instance'
        ? ['--conditions=production', 'dist/server/index.mjs']
        : ['--conditions=production', '--import', 'tsx', 'scripts/jobs-worker.ts']
    const child = spawn(process.execPath, args, {
      env: {
        ...cluster.env,
        MEDIA_DIR: path.join(dir, `media-${name}`),
        ...env,
        // The worker says it is ready at info level.
        ...(port
          ? { PORT: String(port), SERVER_URL: `http://127.0.0.1:${port}` }
          : { LOG_LEVEL: 'info' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    child.stdout!.on('data', (chunk) => (log += chunk))
    child.stderr!.on('data', (chunk) => (log += chunk))
    const ready = kind === 'instance' ? /REST http:\/\/localhost:\d+\/api/ : /Jobs worker running/
    const deadline = Date.now() + 60_000
    while (!ready.test(log)) {
      if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}:\n${log}`)
      if (Date.now() > deadline) {
        child.kill('SIGKILL')
        throw new Error(`${name} did not start within 60 s:\n${log}`)
      }
      await sleep(100)
    }
    const member = {
      name,
      child,
      base: port ? `http://127.0.0.1:${port}` : undefined,
      log: () => log,
    }
    members.push(member)
    return member
  }

  cluster.stop = async () => {
    for (const member of members) if (member.child.exitCode === null) member.child.kill('SIGKILL')
    await new Promise((resolve) => receiver.close(resolve))
    await new Promise((resolve) => smtp.close(() => resolve(undefined)))
    await s3.close()
    await postgres.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }

  try {
    for (let i = 0; i < instances; i++)
      cluster.instances.push(await cluster.start(String.fromCharCode(65 + i)))
    cluster.worker = await cluster.start('worker', 'worker')
  } catch (error) {
    await cluster.stop()
    throw error
  }
  return cluster
}

/** The pid of the process whose connection to the receiver comes from `port` (`ss -p`). */
function senderPid(port: number, receiverPort: number): number {
  try {
    const out = execFileSync(
      'ss',
      ['-Htnp', 'state', 'established', `( sport = :${port} and dport = :${receiverPort} )`],
      { encoding: 'utf8' },
    )
    return Number(/pid=(\d+)/.exec(out)?.[1] ?? 0)
  } catch {
    return 0
  }
}

export type Answer = { status: number; json: any; headers: Headers }

export async function api(
  base: string,
  method: string,
  url: string,
  { token, json, client }: { token?: string; json?: unknown; client?: string } = {},
): Promise<Answer> {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      // The client's address, as the proxy in front would name it (TRUST_PROXY=loopback).
      ...(client ? { 'X-Forwarded-For': client } : {}),
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // Not JSON: kept as text.
  }
  return { status: res.status, json: parsed, headers: res.headers }
}

let clients = 0
/** A client address of its own (TEST-NET-2), so that its quota is its own. */
export const newClient = () => `198.51.100.${++clients}`

export async function login(base: string, who: string): Promise<string> {
  const { status, json } = await api(base, 'POST', '/api/users/login', {
    json: { email: `${who}@example.com`, password: PASSWORD },
    client: newClient(),
  })
  if (status !== 200) throw new Error(`login ${who} on ${base}: ${status} ${JSON.stringify(json)}`)
  return json.token
}

/** Polls `probe` every 25 ms until it holds; the milliseconds it took, or Infinity after `ms`. */
export async function within(ms: number, probe: () => Promise<boolean>): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < ms) {
    if (await probe()) return performance.now() - started
    await sleep(25)
  }
  return Infinity
}

export { sleep }
