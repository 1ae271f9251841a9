import { MongoNetworkError, MongoServerSelectionError } from 'mongodb'
import { describe, expect, it } from 'vitest'

import { isBusyError, isUnreachableError } from '../../src/services/databaseHealth'

const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause })
const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })

describe('isUnreachableError', () => {
  it.each([
    [
      'a failed SQLite open (libsql)',
      new Error('ConnectionFailed("Unable to open connection to local database /x/cms.db: 14")'),
    ],
    [
      'an SQLite I/O error, wrapped by the ORM',
      wrapped(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' })),
    ],
    [
      'no MongoDB server to select',
      new MongoServerSelectionError('Server selection timed out after 5000 ms', {
        error: undefined,
      } as never),
    ],
    [
      'a dropped MongoDB connection, wrapped',
      wrapped(new MongoNetworkError('connection 3 to db:27017 closed')),
    ],
    [
      'a refused PostgreSQL connection (node-postgres passes the socket error on)',
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a PostgreSQL server shutting down, wrapped by the ORM',
      wrapped(
        Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
        }),
      ),
    ],
    ['a dropped PostgreSQL connection', new Error('Connection terminated unexpectedly')],
  ])('recognises %s', (_, error) => expect(isUnreachableError(error)).toBe(true))

  it('does not take a busy database for an unreachable one', () =>
    expect(isUnreachableError(busy)).toBe(false))
})

describe('isBusyError', () => {
  it.each([
    ['a lock held by another process, wrapped by the ORM', wrapped(busy)],
    ['a full disk', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })],
    ['a message only', new Error('SQLITE_READONLY: attempt to write a readonly database')],
    [
      'a lock met when the transaction begins (the ORM keeps only the text)',
      new Error('Error: cannot begin transaction: database is locked'),
    ],
    [
      "a PostgreSQL pool with no connection free in time (this instance's load, not an outage)",
      new Error('Error: cannot begin transaction: timeout exceeded when trying to connect'),
    ],
    [
      'PostgreSQL out of connection slots',
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
    ],
  ])('recognises %s', (_, error) => expect(isBusyError(error)).toBe(true))
})

describe('neither', () => {
  it.each([
    [
      'a validation error',
      Object.assign(new Error('The following field is invalid: title'), {
        name: 'ValidationError',
      }),
    ],
    [
      'a constraint violation',
      Object.assign(new Error('UNIQUE constraint failed: articles.slug'), {
        code: 'SQLITE_CONSTRAINT',
      }),
    ],
    [
      'a PostgreSQL unique violation',
      Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('leaves %s to the usual answer', (_, error) => {
    expect(isUnreachableError(error)).toBe(false)
    expect(isBusyError(error)).toBe(false)
  })
})
