import path from 'node:path'

/**
 * The one place that reads process.env. Values are read lazily (functions, not constants) so that
 * `next build` can import the config without a production secret, and tests can set variables
 * before starting a Payload instance.
 */

export type Database = { kind: 'sqlite'; url: string; file: string } | { kind: 'mongodb'; url: string }

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const ACCEPTED_DATABASE_URI = 'unset (SQLite at ./data/cms.db), file:<path> (SQLite), mongodb://… or mongodb+srv://… (MongoDB)'

export const nodeEnv = (): string => process.env.NODE_ENV ?? 'development'
export const isProduction = (): boolean => nodeEnv() === 'production'

/** Development (`npm run dev`) pushes schema changes; everything else runs committed migrations. */
export const pushesSchema = (): boolean => nodeEnv() === 'development' && process.env.PAYLOAD_DB_PUSH !== 'false'

export function parseDatabaseUri(raw: string | undefined, defaultFile: string): Database {
  const value = raw?.trim()
  if (!value) return sqliteAt(defaultFile)
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) {
    return { kind: 'mongodb', url: value }
  }
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length)
    if (!file) throw new ConfigError(`DATABASE_URI "file:" names no file; accepted: ${ACCEPTED_DATABASE_URI}.`)
    return sqliteAt(file)
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]
  throw new ConfigError(`DATABASE_URI has unsupported scheme "${scheme ?? value.slice(0, 20)}"; accepted: ${ACCEPTED_DATABASE_URI}.`)
}

function sqliteAt(file: string): Database {
  const absolute = path.resolve(/* turbopackIgnore: true */ file)
  return { kind: 'sqlite', url: `file:${absolute}`, file: absolute }
}

/** Development and production never share a SQLite file: push mode and migrations do not mix. */
export const database = (): Database => parseDatabaseUri(process.env.DATABASE_URI, pushesSchema() ? './data/dev.db' : './data/cms.db')

/** Empty in production when unset: `next build` imports the config without one; servers call requireSecret(). */
export const payloadSecret = (): string =>
  process.env.PAYLOAD_SECRET?.trim() || (isProduction() ? '' : 'development-only-secret-do-not-use-in-production')

export function requireSecret(): void {
  if (!payloadSecret()) {
    throw new ConfigError('PAYLOAD_SECRET is required in production; set it to a long random string (e.g. `openssl rand -hex 32`).')
  }
}

export const port = (): number => {
  const raw = process.env.PORT ?? '3000'
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${raw}".`)
  }
  return value
}

export const host = (): string => process.env.HOST || '0.0.0.0'

export const serverUrl = (): string => process.env.SERVER_URL || `http://localhost:${port()}`

export const mediaDir = (): string => path.resolve(/* turbopackIgnore: true */ process.env.MEDIA_DIR || './data/media')

export type Smtp = { host: string; port: number; secure: boolean; user?: string; pass?: string }

/** SMTP from the environment; without SMTP_HOST, emails are logged instead of sent. */
export const smtp = (): Smtp | undefined => {
  const host = process.env.SMTP_HOST?.trim()
  if (!host) return undefined
  const port = Number(process.env.SMTP_PORT || 587)
  return {
    host,
    port,
    secure: process.env.SMTP_SECURE === 'true' || port === 465,
    user: process.env.SMTP_USER,
    pass: process.env.SMTP_PASS,
  }
}

export const emailFrom = (): { address: string; name: string } => ({
  address: process.env.EMAIL_FROM || 'newsroom@localhost',
  name: process.env.EMAIL_FROM_NAME || 'Newsroom CMS',
})

/** How long a draft preview link stays valid, in seconds (PREVIEW_TTL, default one hour). */
export function previewTtlSeconds(): number {
  const raw = process.env.PREVIEW_TTL?.trim() || '3600'
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(`PREVIEW_TTL must be a positive whole number of seconds, got "${raw}".`)
  }
  return value
}

/** Whether this process runs scheduled jobs (set false on web instances when a worker runs them). */
/** The in-memory cache of anonymous API responses (README: Response cache). */
export type ResponseCacheSettings = { enabled: boolean; ttlMs: number; maxBytes: number }

export function responseCache(): ResponseCacheSettings {
  const mode = process.env.CACHE?.trim() || 'on'
  if (mode !== 'on' && mode !== 'off') throw new ConfigError(`CACHE must be "on" or "off", got "${mode}".`)
  const whole = (name: string, fallback: string) => {
    const raw = process.env[name]?.trim() || fallback
    const value = Number(raw)
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
      throw new ConfigError(`${name} must be a positive whole number, got "${raw}".`)
    }
    return value
  }
  return { enabled: mode === 'on', ttlMs: whole('CACHE_TTL', '10') * 1000, maxBytes: whole('CACHE_MAX_MB', '64') * 1024 * 1024 }
}

export const runsJobs = (): boolean => process.env.JOBS_AUTORUN !== 'false'

/** Where article events are POSTed for frontends (WEBHOOK_URLS, comma-separated http(s) URLs). */
export function webhookUrls(): string[] {
  const entries = (process.env.WEBHOOK_URLS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const protocol = URL.canParse(entry) ? new URL(entry).protocol : undefined
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new ConfigError(
        `WEBHOOK_URLS has "${entry}", which is not an http(s) URL; give comma-separated URLs like https://frontend.example/api/cms-hook.`,
      )
    }
  }
  return entries
}

/**
 * The key that signs webhook bodies. Production never sends unsigned events: a receiver could not
 * tell them from forgeries. Elsewhere it may be unset, and events go out without a signature.
 */
export function webhookSecret(): string | undefined {
  const secret = process.env.WEBHOOK_SECRET?.trim() || undefined
  if (!secret && isProduction() && webhookUrls().length) {
    throw new ConfigError(
      'WEBHOOK_SECRET is required in production when WEBHOOK_URLS is set; set it to a long random string shared with the receivers.',
    )
  }
  return secret
}

/** Base delay of the webhook retries (doubled on each attempt); short in tests. Read when the config is built. */
export function webhookRetryDelayMs(): number {
  const raw = process.env.WEBHOOK_RETRY_DELAY_MS || '30000'
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`WEBHOOK_RETRY_DELAY_MS must be a whole number of milliseconds, got "${raw}".`)
  }
  return value
}

export const logLevel = (): string => process.env.LOG_LEVEL || (nodeEnv() === 'test' ? 'warn' : 'info')

/** How this process serves the admin UI: the production build, Next's dev mode, or not at all (API only). */
export function adminUi(): 'build' | 'dev' | 'off' {
  const value = process.env.ADMIN_UI || 'build'
  if (value === 'build' || value === 'dev' || value === 'off') return value
  throw new ConfigError(`ADMIN_UI must be "build", "dev" or "off", got "${value}".`)
}

export type RateLimit = { limit: number; windowSeconds: number }

/** A per-client-IP rate limit written "<count>/<seconds>", e.g. "5/60". */
function rateLimitFrom(name: string, fallback: string): RateLimit {
  const raw = process.env[name]?.trim() || fallback
  const match = /^(\d+)\/(\d+)$/.exec(raw)
  const [limit, windowSeconds] = match ? [Number(match[1]), Number(match[2])] : [0, 0]
  if (!match || limit < 1 || windowSeconds < 1 || !Number.isSafeInteger(limit) || !Number.isSafeInteger(windowSeconds)) {
    throw new ConfigError(`${name} must be "<count>/<seconds>" with both at least 1 (e.g. "${fallback}"), got "${raw}".`)
  }
  return { limit, windowSeconds }
}

/** Comment posts (POST /api/comments) allowed per client IP: COMMENT_RATE_LIMIT "<count>/<seconds>", default 5/60. */
export const commentRateLimit = (): RateLimit => rateLimitFrom('COMMENT_RATE_LIMIT', '5/60')

/**
 * Login, forgot-password and reset-password attempts (REST and GraphQL together) allowed per client
 * IP: AUTH_RATE_LIMIT "<count>/<seconds>", default 10/900 (ten every 15 minutes).
 */
export const authRateLimit = (): RateLimit => rateLimitFrom('AUTH_RATE_LIMIT', '10/900')

/** Extra browser origins (CORS_ORIGINS, comma-separated) that may call the API with credentials, e.g. a frontend. */
export function corsOrigins(): string[] {
  const entries = (process.env.CORS_ORIGINS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries.map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : undefined
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
      throw new ConfigError(
        `CORS_ORIGINS has "${entry}", which is not an origin; give comma-separated scheme://host[:port] without a path, like https://www.example.com.`,
      )
    }
    return url.origin
  })
}

/**
 * The origins trusted with a signed-in user's cookie (Payload's `csrf`) and answered with CORS
 * headers (`cors`): SERVER_URL's origin and CORS_ORIGINS. A cookie sent from any other origin is
 * ignored, so such a request is anonymous.
 */
export function trustedOrigins(): string[] {
  const server = serverUrl()
  const protocol = URL.canParse(server) ? new URL(server).protocol : undefined
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ConfigError(`SERVER_URL must be an http(s) URL like https://cms.example.com, got "${server}".`)
  }
  return [...new Set([new URL(server).origin, ...corsOrigins()])]
}

/**
 * express's "trust proxy" (TRUST_PROXY): unset or "false" trusts no proxy, so the client IP is the
 * socket's peer; behind a reverse proxy set the number of proxy hops ("1"), "true", or their
 * addresses/subnets ("loopback", "10.0.0.0/8"), so that the client IP comes from X-Forwarded-For.
 */
export function trustProxy(): boolean | number | string {
  const raw = process.env.TRUST_PROXY?.trim() || 'false'
  if (raw === 'false') return false
  if (raw === 'true') return true
  if (/^\d+$/.test(raw)) return Number(raw)
  return raw
}
