import path from 'node:path'

/**
 * The one place that reads process.env: every variable is one entry of `variables` (name, default,
 * one-line doc, parser), from which `.env.example` and docs/configuration.md are generated
 * (`npm run generate:env`; `npm run check:generated` fails when they disagree). Values are read
 * lazily (functions, not constants) so that `next build` can import the config without a production
 * secret, and tests can set variables before starting a Payload instance. A blank value means unset.
 * A server checks every variable at once before it starts (validateEnvironment).
 */

export type Database =
  | { kind: 'sqlite'; url: string; file: string }
  | { kind: 'mongodb'; url: string }
  | { kind: 'postgres'; url: string }

export type Smtp = { host: string; port: number; secure: boolean; user?: string; pass?: string }

export type RateLimit = { limit: number; windowSeconds: number }

/** The in-memory cache of anonymous API responses (docs/configuration.md, README: Caching). */
/** An S3 (or S3-compatible) bucket for uploads, shared by every instance. */
export type S3Storage = {
  bucket: string
  region: string
  endpoint?: string
  forcePathStyle: boolean
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

export type ResponseCacheSettings = { enabled: boolean; ttlMs: number; maxBytes: number }

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export type Variable<T> = {
  group: keyof typeof GROUPS
  /** One line: what it does and the accepted form; shown in .env.example and docs/configuration.md. */
  doc: string
  /** Used when unset or blank (omitted: unset). `shown` is how the docs write a default that depends on other variables. */
  default?: string | { shown: string; value: () => string }
  /** The value (the default when unset), or a ConfigError naming the variable and the accepted form. */
  parse(raw: string, name: string): T
  /** Kept as given (a password), not trimmed. */
  verbatim?: true
  /** Checked only when a server starts, not whenever the value is read (`next build` reads the config without a secret). */
  atStart?(value: T): string | undefined
}

export const GROUPS = {
  server: 'Server',
  database: 'Database',
  security: 'Secrets, origins, proxies and rate limits',
  email: 'Email',
  webhooks: 'Webhooks',
  cache: 'Response cache',
  media: 'Media storage',
  tools: 'Demo and tests (read by their scripts, not by the server)',
} as const

const ACCEPTED_DATABASE_URI =
  'unset (SQLite at ./data/cms.db), file:<path> (SQLite), postgres://… or postgresql://… (PostgreSQL), mongodb://… or mongodb+srv://… (MongoDB)'
const DEVELOPMENT_SECRET = 'development-only-secret-do-not-use-in-production'

const mustBe = (name: string, accepted: string, raw: string) =>
  new ConfigError(`${name} must be ${accepted}, got "${raw}".`)

const text = (raw: string): string => raw

function oneOf<const T extends string>(...choices: T[]) {
  const accepted = choices
    .map((choice) => `"${choice}"`)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1')
  return (raw: string, name: string): T => {
    if ((choices as string[]).includes(raw)) return raw as T
    throw mustBe(name, accepted, raw)
  }
}

const trueOrFalse = oneOf('true', 'false')
const bool = (raw: string, name: string): boolean => trueOrFalse(raw, name) === 'true'

function wholeNumber(accepted: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string, name: string): number => {
    const value = Number(raw)
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max)
      throw mustBe(name, accepted, raw)
    return value
  }
}

/** A per-client-IP rate limit written "<count>/<seconds>", e.g. "5/60". */
function rate(example: string) {
  return (raw: string, name: string): RateLimit => {
    const match = /^(\d+)\/(\d+)$/.exec(raw)
    const [limit, windowSeconds] = match ? [Number(match[1]), Number(match[2])] : [0, 0]
    if (
      !match ||
      limit < 1 ||
      windowSeconds < 1 ||
      !Number.isSafeInteger(limit) ||
      !Number.isSafeInteger(windowSeconds)
    ) {
      throw mustBe(name, `"<count>/<seconds>" with both at least 1 (e.g. "${example}")`, raw)
    }
    return { limit, windowSeconds }
  }
}

const commaSeparated = (raw: string) =>
  raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)

const isHttpUrl = (value: string) =>
  URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol)

function httpUrl(raw: string, name: string): string {
  if (!isHttpUrl(raw)) throw mustBe(name, 'an http(s) URL like https://cms.example.com', raw)
  return raw
}

function httpUrls(raw: string, name: string): string[] {
  const entries = commaSeparated(raw)
  const bad = entries.find((entry) => !isHttpUrl(entry))
  if (bad !== undefined) {
    throw new ConfigError(
      `${name} has "${bad}", which is not an http(s) URL; give comma-separated URLs like https://frontend.example/api/cms-hook.`,
    )
  }
  return entries
}

function origins(raw: string, name: string): string[] {
  return commaSeparated(raw).map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : undefined
    if (
      !url ||
      !['http:', 'https:'].includes(url.protocol) ||
      url.pathname !== '/' ||
      url.search ||
      url.hash ||
      url.username
    ) {
      throw new ConfigError(
        `${name} has "${entry}", which is not an origin; give comma-separated scheme://host[:port] without a path, like https://www.example.com.`,
      )
    }
    return url.origin
  })
}

function emailAddress(raw: string, name: string): string {
  if (!/^[^\s@]+@[^\s@]+$/.test(raw))
    throw mustBe(name, 'an email address like newsroom@example.com', raw)
  return raw
}

function proxies(raw: string): boolean | number | string {
  if (raw === 'false') return false
  if (raw === 'true') return true
  if (/^\d+$/.test(raw)) return Number(raw)
  return raw
}

export function parseDatabaseUri(raw: string | undefined, defaultFile: string): Database {
  const value = raw?.trim()
  if (!value) return sqliteAt(defaultFile)
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) {
    return { kind: 'mongodb', url: value }
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    return { kind: 'postgres', url: value }
  }
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length)
    if (!file)
      throw new ConfigError(
        `DATABASE_URI "file:" names no file; accepted: ${ACCEPTED_DATABASE_URI}.`,
      )
    return sqliteAt(file)
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]
  throw new ConfigError(
    `DATABASE_URI has unsupported scheme "${scheme ?? value.slice(0, 20)}"; accepted: ${ACCEPTED_DATABASE_URI}.`,
  )
}

function sqliteAt(file: string): Database {
  const absolute = path.resolve(/* turbopackIgnore: true */ file)
  return { kind: 'sqlite', url: `file:${absolute}`, file: absolute }
}

const SECRET_REQUIRED =
  'PAYLOAD_SECRET is required in production; set it to a long random string (e.g. `openssl rand -hex 32`).'

/** Every variable the CMS reads, in the order the docs list them. */
export const variables = {
  NODE_ENV: {
    group: 'server',
    default: 'development',
    doc: '`production` (`npm start`: runs migrations, needs PAYLOAD_SECRET, `Secure` cookie), `development` (`npm run dev`) or `test` (vitest).',
    parse: oneOf('development', 'production', 'test'),
  },
  PORT: {
    group: 'server',
    default: '3000',
    doc: 'The port the server listens on.',
    parse: wholeNumber('an integer from 0 to 65535', 0, 65535),
  },
  HOST: {
    group: 'server',
    default: '0.0.0.0',
    doc: 'The interface the server listens on.',
    parse: text,
  },
  SERVER_URL: {
    group: 'server',
    default: { shown: '`http://localhost:$PORT`', value: () => `http://localhost:${port()}` },
    doc: 'The public URL, used in links (emails); its origin is trusted with the sign-in cookie, so open the admin at exactly this address.',
    parse: httpUrl,
  },
  ADMIN_UI: {
    group: 'server',
    default: 'build',
    doc: 'The admin UI: `build` serves the production build, `dev` Next dev mode (`npm run dev` sets it), `off` an API-only instance.',
    parse: oneOf('build', 'dev', 'off'),
  },
  MEDIA_DIR: {
    group: 'server',
    default: './data/media',
    doc: 'Where uploaded media is stored, images brought in by `npm run import` included.',
    parse: (raw: string) => path.resolve(/* turbopackIgnore: true */ raw),
  },
  LOG_LEVEL: {
    group: 'server',
    default: {
      shown: '`info` (`warn` under NODE_ENV=test)',
      value: () => (nodeEnv() === 'test' ? 'warn' : 'info'),
    },
    doc: 'Server log level (JSON lines on stdout): `fatal`, `error`, `warn`, `info` (adds one access-log line per request), `debug`, `trace` or `silent`.',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  JOBS_AUTORUN: {
    group: 'server',
    default: 'true',
    doc: 'Whether this process runs the jobs queue (scheduled publications, emails, webhooks); `false` on web instances when `npm run jobs:worker` runs it.',
    parse: bool,
  },
  JOBS_LEASE_SECONDS: {
    group: 'server',
    default: '600',
    doc: 'Seconds after which a job still marked processing is taken to belong to a runner that died (`kill -9`, a crash) and is run again by another; longer than any job takes (an SMTP exchange, a 10 s webhook).',
    parse: wholeNumber('a whole number of seconds, at least 5', 5),
  },
  PREVIEW_TTL: {
    group: 'server',
    default: '3600',
    doc: 'Seconds a draft preview link stays valid (a positive whole number); publishing the article revokes its links sooner.',
    parse: wholeNumber('a positive whole number of seconds', 1),
  },
  DATABASE_URI: {
    group: 'database',
    default: {
      shown:
        '`file:./data/cms.db` (`file:./data/dev.db` under `npm run dev`, `file:./data/demo.db` under `npm run demo`)',
      value: () => (pushesSchema() ? 'file:./data/dev.db' : 'file:./data/cms.db'),
    },
    doc: '`file:<path>` for SQLite (one process); `postgres://…` or `postgresql://…` for PostgreSQL; `mongodb://…` or `mongodb+srv://…` for MongoDB (a replica set). `npm run import` writes here too.',
    parse: (raw: string) => parseDatabaseUri(raw, './data/cms.db'),
  },
  PAYLOAD_DB_PUSH: {
    group: 'database',
    default: 'true',
    doc: 'Developers only: `npm run dev` pushes schema changes to its SQLite file; `false` turns that off (everything else runs migrations).',
    parse: bool,
  },
  PAYLOAD_SECRET: {
    group: 'security',
    default: {
      shown: 'a development-only secret; none in production',
      value: () => (isProduction() ? '' : DEVELOPMENT_SECRET),
    },
    doc: 'Signs sessions and tokens. Required in production: a long random string (`openssl rand -hex 32`).',
    parse: text,
    atStart: (secret: string) => (secret ? undefined : SECRET_REQUIRED),
  },
  CORS_ORIGINS: {
    group: 'security',
    doc: 'Comma-separated browser origins (`https://www.example.com`) besides SERVER_URL’s that get CORS headers and may use the sign-in cookie.',
    parse: origins,
  },
  TRUST_PROXY: {
    group: 'security',
    default: 'false',
    doc: 'Proxies trusted for the client IP in X-Forwarded-For: hop count (`1`), addresses (`loopback`, `10.0.0.0/8`), or `true` (only if the proxy overwrites it).',
    parse: proxies,
  },
  COMMENT_RATE_LIMIT: {
    group: 'security',
    default: '5/60',
    doc: 'Comment posts (`POST /api/comments`) allowed per client IP, as `<count>/<seconds>`; over it, 429 with Retry-After (counted per process).',
    parse: rate('5/60'),
  },
  AUTH_RATE_LIMIT: {
    group: 'security',
    default: '10/900',
    doc: 'Login, forgot- and reset-password attempts (REST and GraphQL together) allowed per client IP, as `<count>/<seconds>`; over it, 429.',
    parse: rate('10/900'),
  },
  SMTP_HOST: {
    group: 'email',
    doc: 'SMTP server for notification emails (sent from the jobs queue, with retries); unset, each email is logged instead of sent.',
    parse: text,
  },
  SMTP_PORT: {
    group: 'email',
    default: '587',
    doc: 'SMTP port.',
    parse: wholeNumber('an integer from 1 to 65535', 1, 65535),
  },
  SMTP_SECURE: {
    group: 'email',
    default: 'false',
    doc: '`true` for TLS from the first byte (always on when SMTP_PORT is 465); else STARTTLS when offered.',
    parse: bool,
  },
  SMTP_USER: {
    group: 'email',
    doc: 'SMTP user name; unset, no authentication.',
    parse: text,
    verbatim: true,
  },
  SMTP_PASS: { group: 'email', doc: 'SMTP password.', parse: text, verbatim: true },
  EMAIL_FROM: {
    group: 'email',
    default: 'newsroom@localhost',
    doc: 'The sender address of notifications.',
    parse: emailAddress,
  },
  EMAIL_FROM_NAME: {
    group: 'email',
    default: 'Newsroom CMS',
    doc: 'The sender name of notifications.',
    parse: text,
  },
  WEBHOOK_URLS: {
    group: 'webhooks',
    doc: 'Comma-separated http(s) URLs that receive a signed POST when an article is published, updated or unpublished; unset, no webhooks.',
    parse: httpUrls,
  },
  WEBHOOK_SECRET: {
    group: 'webhooks',
    doc: 'The Standard Webhooks signing key (a `whsec_…` secret, or any string as its UTF-8 bytes); share it with the receivers. Required in production when WEBHOOK_URLS is set.',
    parse: (raw: string): string | undefined => {
      if (!raw && isProduction() && webhookUrls().length) {
        throw new ConfigError(
          'WEBHOOK_SECRET is required in production when WEBHOOK_URLS is set; set it to a long random string shared with the receivers.',
        )
      }
      return raw || undefined
    },
  },
  WEBHOOK_RETRY_DELAY_MS: {
    group: 'webhooks',
    default: '30000',
    doc: 'Base delay of webhook retries in milliseconds, doubled on each retry.',
    parse: wholeNumber('a whole number of milliseconds'),
  },
  S3_BUCKET: {
    group: 'media',
    doc: 'Uploads go to this S3 bucket instead of MEDIA_DIR (several instances need one or the other shared); the other S3_ variables configure it.',
    parse: text,
  },
  S3_REGION: {
    group: 'media',
    default: 'us-east-1',
    doc: "The bucket's region (any value an S3-compatible store accepts).",
    parse: text,
  },
  S3_ENDPOINT: {
    group: 'media',
    doc: 'An S3-compatible store (MinIO, Ceph, R2…): its URL, e.g. https://s3.example.internal:9000; unset for AWS.',
    parse: (raw: string, name: string) => (raw ? httpUrl(raw, name) : ''),
  },
  S3_FORCE_PATH_STYLE: {
    group: 'media',
    default: 'false',
    doc: '`true` for stores that address buckets by path (`endpoint/bucket/key`), as MinIO does.',
    parse: bool,
  },
  S3_ACCESS_KEY_ID: {
    group: 'media',
    doc: 'With S3_SECRET_ACCESS_KEY: the credentials; unset, the AWS SDK finds its own (instance role, ~/.aws).',
    parse: text,
  },
  S3_SECRET_ACCESS_KEY: {
    group: 'media',
    doc: 'The secret of S3_ACCESS_KEY_ID.',
    parse: (raw: string): string => {
      if (Boolean(raw) !== Boolean(value('S3_ACCESS_KEY_ID')))
        throw new ConfigError(
          'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither.',
        )
      return raw
    },
    verbatim: true,
  },
  CACHE: {
    group: 'cache',
    default: 'on',
    doc: 'The in-memory cache of anonymous API answers: `on` or `off`.',
    parse: oneOf('on', 'off'),
  },
  CACHE_TTL: {
    group: 'cache',
    default: '10',
    doc: 'The most seconds an answer is kept: the lag bound for other instances sharing one MongoDB.',
    parse: wholeNumber('a positive whole number', 1),
  },
  CACHE_MAX_MB: {
    group: 'cache',
    default: '64',
    doc: 'Memory budget of the cache in megabytes.',
    parse: wholeNumber('a positive whole number', 1),
  },
  DEMO_PASSWORD: {
    group: 'tools',
    default: 'demo-password',
    doc: 'Password of the demo accounts that `npm run demo` seeds.',
    parse: text,
  },
  MONGODB_URI: {
    group: 'tools',
    doc: 'A running MongoDB replica set for `npm run test:mongo`; unset, mongodb-memory-server starts one.',
    parse: text,
  },
  MONGOMS_SYSTEM_BINARY: {
    group: 'tools',
    doc: 'A local `mongod` binary for mongodb-memory-server (`npm run test:mongo`).',
    parse: text,
  },
  E2E_BASE_URL: {
    group: 'tools',
    doc: 'Runs `npm run test:e2e` against this running demo server instead of starting one.',
    parse: text,
  },
  FAULT_DB: {
    group: 'tools',
    default: 'sqlite',
    doc: '`postgres`: `npm run test:faults` runs two instances on a throwaway PostgreSQL and kills one of them each round.',
    parse: oneOf('sqlite', 'postgres'),
  },
  FAULT_ROUNDS: {
    group: 'tools',
    default: {
      shown: '3 (20 with `FAULT_DB=postgres`)',
      value: () => (process.env.FAULT_DB === 'postgres' ? '20' : '3'),
    },
    doc: 'Kill-and-restart rounds of `npm run test:faults`.',
    parse: text,
  },
} satisfies Record<string, Variable<unknown>>

export type VariableName = keyof typeof variables
type ValueOf<N extends VariableName> = ReturnType<(typeof variables)[N]['parse']>

function value<N extends VariableName>(name: N): ValueOf<N> {
  const spec: Variable<unknown> = variables[name]
  const given = process.env[name]
  const fallback = typeof spec.default === 'object' ? spec.default.value() : (spec.default ?? '')
  return spec.parse((spec.verbatim ? given : given?.trim()) || fallback, name) as ValueOf<N>
}

/** Every problem with the environment, one line each (a problem found through two variables once). */
export function environmentProblems(): string[] {
  const problems = new Set<string>()
  for (const [name, spec] of Object.entries(variables) as [VariableName, Variable<unknown>][]) {
    if (spec.group === 'tools') continue
    try {
      const parsed = value(name)
      const problem = spec.atStart?.(parsed)
      if (problem) problems.add(problem)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      problems.add(error.message)
    }
  }
  return [...problems]
}

/** At start: one ConfigError whose message has one line per bad variable. */
export function validateEnvironment(): void {
  const problems = environmentProblems()
  if (problems.length) throw new ConfigError(problems.join('\n'))
}

export const nodeEnv = (): string => value('NODE_ENV')
export const isProduction = (): boolean => nodeEnv() === 'production'

/** Development (`npm run dev`) pushes schema changes; everything else runs committed migrations. */
export const pushesSchema = (): boolean => nodeEnv() === 'development' && value('PAYLOAD_DB_PUSH')

/** Development and production never share a SQLite file: push mode and migrations do not mix. */
export const database = (): Database => value('DATABASE_URI')

/** Empty in production when unset: `next build` imports the config without one; servers call requireSecret(). */
export const payloadSecret = (): string => value('PAYLOAD_SECRET')

export function requireSecret(): void {
  if (!payloadSecret()) throw new ConfigError(SECRET_REQUIRED)
}

export const port = (): number => value('PORT')
export const host = (): string => value('HOST')
export const serverUrl = (): string => value('SERVER_URL')
export const mediaDir = (): string => value('MEDIA_DIR')

/** The uploads bucket when S3_BUCKET is set; undefined: uploads are files in MEDIA_DIR. */
export function s3Storage(): S3Storage | undefined {
  const bucket = value('S3_BUCKET')
  if (!bucket) return undefined
  const accessKeyId = value('S3_ACCESS_KEY_ID')
  // Refused unless S3_ACCESS_KEY_ID is set too, and the other way round.
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY')
  return {
    bucket,
    region: value('S3_REGION'),
    endpoint: value('S3_ENDPOINT') || undefined,
    forcePathStyle: value('S3_FORCE_PATH_STYLE'),
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : undefined,
  }
}

/** SMTP from the environment; without SMTP_HOST, emails are logged instead of sent. */
export const smtp = (): Smtp | undefined => {
  const host = value('SMTP_HOST')
  if (!host) return undefined
  const port = value('SMTP_PORT')
  const user = value('SMTP_USER') || undefined
  const pass = value('SMTP_PASS') || undefined
  return { host, port, secure: value('SMTP_SECURE') || port === 465, user, pass }
}

export const emailFrom = (): { address: string; name: string } => ({
  address: value('EMAIL_FROM'),
  name: value('EMAIL_FROM_NAME'),
})

/** How long a draft preview link stays valid, in seconds. */
export const previewTtlSeconds = (): number => value('PREVIEW_TTL')

export const responseCache = (): ResponseCacheSettings => ({
  enabled: value('CACHE') === 'on',
  ttlMs: value('CACHE_TTL') * 1000,
  maxBytes: value('CACHE_MAX_MB') * 1024 * 1024,
})

/** Whether this process runs queued jobs (false on web instances when a worker runs them). */
export const runsJobs = (): boolean => value('JOBS_AUTORUN')

/** How long a job may stay `processing` before another runner takes it over (src/jobs/leases.ts). */
export const jobLeaseMs = (): number => value('JOBS_LEASE_SECONDS') * 1000

/** Where article events are POSTed for frontends. */
export const webhookUrls = (): string[] => value('WEBHOOK_URLS')

/**
 * The key that signs webhook bodies. Production never sends unsigned events: a receiver could not
 * tell them from forgeries. Elsewhere it may be unset, and events go out without a signature.
 */
export const webhookSecret = (): string | undefined => value('WEBHOOK_SECRET')

/** Base delay of the webhook retries (doubled on each attempt); short in tests. Read when the config is built. */
export const webhookRetryDelayMs = (): number => value('WEBHOOK_RETRY_DELAY_MS')

export const logLevel = (): string => value('LOG_LEVEL')

/** How this process serves the admin UI: the production build, Next's dev mode, or not at all (API only). */
export const adminUi = (): 'build' | 'dev' | 'off' => value('ADMIN_UI')

export const commentRateLimit = (): RateLimit => value('COMMENT_RATE_LIMIT')

/** Login, forgot-password and reset-password attempts (REST and GraphQL together) allowed per client IP. */
export const authRateLimit = (): RateLimit => value('AUTH_RATE_LIMIT')

/** Extra browser origins that may call the API with credentials, e.g. a frontend. */
export const corsOrigins = (): string[] => value('CORS_ORIGINS')

/**
 * The origins trusted with a signed-in user's cookie (Payload's `csrf`) and answered with CORS
 * headers (`cors`): SERVER_URL's origin and CORS_ORIGINS. A cookie sent from any other origin is
 * ignored, so such a request is anonymous.
 */
export const trustedOrigins = (): string[] => [
  ...new Set([new URL(serverUrl()).origin, ...corsOrigins()]),
]

/**
 * express's "trust proxy": unset or "false" trusts no proxy, so the client IP is the socket's peer;
 * behind a reverse proxy the number of proxy hops ("1"), "true", or their addresses/subnets
 * ("loopback", "10.0.0.0/8"), so that the client IP comes from X-Forwarded-For.
 */
export const trustProxy = (): boolean | number | string => value('TRUST_PROXY')
