import path from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { mongoHosts } from '../../src/db/checkMongo'
import { postgresHost } from '../../src/db/checkPostgres'
import {
  ConfigError,
  database,
  environmentProblems,
  logLevel,
  parseDatabaseUri,
  payloadSecret,
  responseCache,
  runsJobs,
  s3Storage,
  serverUrl,
  smtp,
  validateEnvironment,
  variables,
  type VariableName,
} from '../../src/env'

describe('parseDatabaseUri', () => {
  it('defaults to SQLite at the given file when unset or blank', () => {
    expect(parseDatabaseUri(undefined, './data/cms.db')).toEqual({
      kind: 'sqlite',
      file: path.resolve('data/cms.db'),
      url: `file:${path.resolve('data/cms.db')}`,
    })
    expect(parseDatabaseUri('  ', './x.db').kind).toBe('sqlite')
  })

  it('reads file:<path> as SQLite', () => {
    expect(parseDatabaseUri('file:/tmp/a.db', 'unused')).toMatchObject({
      kind: 'sqlite',
      file: '/tmp/a.db',
    })
  })

  it.each(['mongodb://db1:27017/news', 'mongodb+srv://user:pw@cluster0.example.net/news'])(
    'reads %s as MongoDB',
    (uri) => {
      expect(parseDatabaseUri(uri, 'unused')).toEqual({ kind: 'mongodb', url: uri })
    },
  )

  it.each([
    ['mysql://x', /unsupported scheme "mysql"/],
    ['cms.db', /unsupported scheme "cms.db"/],
    ['file:', /names no file/],
  ])('refuses %s with one line naming the variable and the accepted forms', (uri, message) => {
    const attempt = () => parseDatabaseUri(uri, 'unused')
    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(message)
    expect(attempt).toThrow(
      /DATABASE_URI.*accepted: .*file:<path>.*postgres:\/\/.*postgresql:\/\/.*mongodb:\/\/.*mongodb\+srv:\/\//,
    )
  })
})

describe('mongoHosts', () => {
  it('names the hosts without credentials or database', () => {
    expect(mongoHosts('mongodb://user:secret@db1:27017,db2:27017/news?replicaSet=rs0')).toBe(
      'db1:27017,db2:27017',
    )
    expect(mongoHosts('mongodb+srv://cluster0.example.net')).toBe('cluster0.example.net')
  })
})

describe('PostgreSQL URIs', () => {
  it.each(['postgres://u:p@db.internal:5432/news', 'postgresql://db.internal:5432/news'])(
    'reads %s as PostgreSQL',
    (uri) => expect(parseDatabaseUri(uri, 'unused')).toEqual({ kind: 'postgres', url: uri }),
  )

  it('names the host without credentials, or the socket folder', () => {
    expect(postgresHost('postgres://newsroom:secret@db.internal:5432/news')).toBe(
      'db.internal:5432',
    )
    expect(postgresHost('postgres:///news?host=/run/postgresql')).toBe('/run/postgresql')
    expect(postgresHost('not a uri')).toBe('(unreadable URI)')
  })
})

describe('s3Storage', () => {
  it('is off without S3_BUCKET, and otherwise the bucket with its settings', () => {
    expect(s3Storage()).toBeUndefined()
    vi.stubEnv('S3_BUCKET', 'newsroom-media')
    vi.stubEnv('S3_ENDPOINT', 'http://minio.internal:9000')
    vi.stubEnv('S3_FORCE_PATH_STYLE', 'true')
    vi.stubEnv('S3_ACCESS_KEY_ID', 'key')
    vi.stubEnv('S3_SECRET_ACCESS_KEY', 'secret')
    expect(s3Storage()).toEqual({
      bucket: 'newsroom-media',
      region: 'us-east-1',
      endpoint: 'http://minio.internal:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    })
  })

  it('refuses one credential without the other, and an endpoint that is no URL, at start', () => {
    vi.stubEnv('S3_BUCKET', 'newsroom-media')
    vi.stubEnv('S3_ACCESS_KEY_ID', 'key')
    vi.stubEnv('S3_SECRET_ACCESS_KEY', '')
    vi.stubEnv('S3_ENDPOINT', 'minio:9000')
    expect(environmentProblems()).toEqual([
      'S3_ENDPOINT must be an http(s) URL like https://cms.example.com, got "minio:9000".',
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither.',
    ])
  })
})

describe('responseCache', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('is on, for 10 seconds within 64 MB, unless told otherwise', () => {
    vi.stubEnv('CACHE', '')
    vi.stubEnv('CACHE_TTL', '')
    vi.stubEnv('CACHE_MAX_MB', '')
    expect(responseCache()).toEqual({ enabled: true, ttlMs: 10_000, maxBytes: 64 * 1024 * 1024 })
    vi.stubEnv('CACHE', 'off')
    vi.stubEnv('CACHE_TTL', '3')
    expect(responseCache()).toMatchObject({ enabled: false, ttlMs: 3_000 })
  })

  it.each([
    ['CACHE', 'no', /CACHE must be "on" or "off", got "no"/],
    ['CACHE_TTL', '0', /CACHE_TTL must be a positive whole number, got "0"/],
    ['CACHE_MAX_MB', '1.5', /CACHE_MAX_MB must be a positive whole number, got "1.5"/],
  ])('refuses %s=%s with one line', (name, value, message) => {
    vi.stubEnv(name, value)
    expect(() => responseCache()).toThrow(message)
  })
})

describe('the table of variables', () => {
  afterEach(() => vi.unstubAllEnvs())

  const names = Object.keys(variables) as VariableName[]

  it.each(names)(
    '%s has a one-line doc, and its written default is accepted by its own parser',
    (name) => {
      const spec = variables[name]
      expect(spec.doc).toMatch(/^\S.*\S$/)
      expect(spec.doc).not.toContain('\n')
      const written = 'default' in spec && typeof spec.default === 'string' ? spec.default : ''
      vi.stubEnv(name, written)
      expect(environmentProblems()).toEqual([])
    },
  )

  it('reads a blank value as unset', () => {
    vi.stubEnv('JOBS_AUTORUN', '  ')
    vi.stubEnv('LOG_LEVEL', '')
    expect(runsJobs()).toBe(true)
    expect(logLevel()).toBe('warn')
  })

  it('derives the defaults that depend on other variables', () => {
    vi.stubEnv('PORT', '4100')
    vi.stubEnv('SERVER_URL', '')
    expect(serverUrl()).toBe('http://localhost:4100')
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('LOG_LEVEL', '')
    expect(logLevel()).toBe('info')
    vi.stubEnv('DATABASE_URI', '')
    expect(database()).toMatchObject({ file: path.resolve('data/cms.db') })
    vi.stubEnv('NODE_ENV', 'development')
    vi.stubEnv('PAYLOAD_DB_PUSH', '')
    expect(database()).toMatchObject({ file: path.resolve('data/dev.db') })
  })

  it('keeps SMTP on TLS for port 465 and the password as given', () => {
    vi.stubEnv('SMTP_HOST', 'smtp.example.com')
    vi.stubEnv('SMTP_PORT', '465')
    vi.stubEnv('SMTP_SECURE', '')
    vi.stubEnv('SMTP_PASS', ' pass word ')
    expect(smtp()).toEqual({
      host: 'smtp.example.com',
      port: 465,
      secure: true,
      user: undefined,
      pass: ' pass word ',
    })
  })

  it.each([
    [
      'NODE_ENV',
      'staging',
      'NODE_ENV must be "development", "production" or "test", got "staging".',
    ],
    [
      'LOG_LEVEL',
      'verbose',
      'LOG_LEVEL must be "fatal", "error", "warn", "info", "debug", "trace" or "silent", got "verbose".',
    ],
    ['JOBS_AUTORUN', 'no', 'JOBS_AUTORUN must be "true" or "false", got "no".'],
    ['SMTP_PORT', '0', 'SMTP_PORT must be an integer from 1 to 65535, got "0".'],
    [
      'EMAIL_FROM',
      'newsroom',
      'EMAIL_FROM must be an email address like newsroom@example.com, got "newsroom".',
    ],
    ['PORT', '80a', 'PORT must be an integer from 0 to 65535, got "80a".'],
  ])(
    'refuses %s=%s with one line naming the variable and the accepted form',
    (name, value, message) => {
      vi.stubEnv(name, value)
      expect(environmentProblems()).toEqual([message])
    },
  )
})

describe('validateEnvironment', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('passes a good environment', () => {
    expect(() => validateEnvironment()).not.toThrow()
  })

  it('reports every bad variable at once, one line each, in the order of the table', () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PAYLOAD_SECRET', '')
    vi.stubEnv('PORT', 'eighty')
    vi.stubEnv('DATABASE_URI', 'mysql://db/news')
    vi.stubEnv('CACHE', 'maybe')
    vi.stubEnv('WEBHOOK_URLS', 'https://site.example/hook')
    vi.stubEnv('WEBHOOK_SECRET', '')
    const attempt = () => validateEnvironment()
    expect(attempt).toThrow(ConfigError)
    let lines: string[] = []
    try {
      attempt()
    } catch (error) {
      lines = (error as Error).message.split('\n')
    }
    expect(lines).toEqual([
      'PORT must be an integer from 0 to 65535, got "eighty".',
      expect.stringMatching(/^DATABASE_URI has unsupported scheme "mysql"; accepted: /),
      expect.stringMatching(/^PAYLOAD_SECRET is required in production/),
      expect.stringMatching(/^WEBHOOK_SECRET is required in production when WEBHOOK_URLS is set/),
      'CACHE must be "on" or "off", got "maybe".',
    ])
  })

  it('does not require a secret of `next build` reading the config, only of a starting server', () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PAYLOAD_SECRET', '')
    expect(payloadSecret()).toBe('')
    expect(environmentProblems()).toEqual([
      expect.stringMatching(/^PAYLOAD_SECRET is required in production/),
    ])
  })
})
