import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { mongoHosts } from '../../src/db/checkMongo'
import { ConfigError, parseDatabaseUri } from '../../src/env'

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
