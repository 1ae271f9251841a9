import path from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { mongoHosts } from '../../src/db/checkMongo'
import { ConfigError, parseDatabaseUri, responseCache } from '../../src/env'

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
    expect(parseDatabaseUri('file:/tmp/a.db', 'unused')).toMatchObject({ kind: 'sqlite', file: '/tmp/a.db' })
  })

  it.each(['mongodb://db1:27017/news', 'mongodb+srv://user:pw@cluster0.example.net/news'])('reads %s as MongoDB', (uri) => {
    expect(parseDatabaseUri(uri, 'unused')).toEqual({ kind: 'mongodb', url: uri })
  })

  it.each([
    ['postgres://localhost/db', /unsupported scheme "postgres"/],
    ['mysql://x', /unsupported scheme "mysql"/],
    ['cms.db', /unsupported scheme "cms.db"/],
    ['file:', /names no file/],
  ])('refuses %s with one line naming the variable and the accepted forms', (uri, message) => {
    const attempt = () => parseDatabaseUri(uri, 'unused')
    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(message)
    expect(attempt).toThrow(/DATABASE_URI.*accepted: .*file:<path>.*mongodb:\/\/.*mongodb\+srv:\/\//)
  })
})

describe('mongoHosts', () => {
  it('names the hosts without credentials or database', () => {
    expect(mongoHosts('mongodb://user:secret@db1:27017,db2:27017/news?replicaSet=rs0')).toBe('db1:27017,db2:27017')
    expect(mongoHosts('mongodb+srv://cluster0.example.net')).toBe('cluster0.example.net')
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
