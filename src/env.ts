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

/** Whether this process runs scheduled jobs (set false on web instances when a worker runs them). */
export const runsJobs = (): boolean => process.env.JOBS_AUTORUN !== 'false'

export const logLevel = (): string => process.env.LOG_LEVEL || (nodeEnv() === 'test' ? 'warn' : 'info')

/** How this process serves the admin UI: the production build, Next's dev mode, or not at all (API only). */
export function adminUi(): 'build' | 'dev' | 'off' {
  const value = process.env.ADMIN_UI || 'build'
  if (value === 'build' || value === 'dev' || value === 'off') return value
  throw new ConfigError(`ADMIN_UI must be "build", "dev" or "off", got "${value}".`)
}
