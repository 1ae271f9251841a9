import { MongoNetworkError, MongoServerSelectionError } from 'mongodb'
import { describe, expect, it } from 'vitest'

import { isUnavailableError } from '../../src/services/databaseHealth'

const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause })

describe('isUnavailableError', () => {
  it.each([
    ['a failed SQLite open (libsql)', new Error('ConnectionFailed("Unable to open connection to local database /x/cms.db: 14")')],
    ['a busy SQLite database, wrapped by the ORM', wrapped(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))],
    ['a full disk', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })],
    ['no MongoDB server to select', new MongoServerSelectionError('Server selection timed out after 5000 ms', { error: undefined } as never)],
    ['a dropped MongoDB connection, wrapped', wrapped(new MongoNetworkError('connection 3 to db:27017 closed'))],
  ])('recognises %s', (_, error) => expect(isUnavailableError(error)).toBe(true))

  it.each([
    ['a validation error', Object.assign(new Error('The following field is invalid: title'), { name: 'ValidationError' })],
    ['a constraint violation', Object.assign(new Error('UNIQUE constraint failed: articles.slug'), { code: 'SQLITE_CONSTRAINT' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('leaves %s to the usual answer', (_, error) => expect(isUnavailableError(error)).toBe(false))
})
