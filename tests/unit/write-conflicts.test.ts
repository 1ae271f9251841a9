import { MongoServerError } from 'mongodb'
import { describe, expect, it } from 'vitest'

import { answerWriteConflicts, isWriteConflict } from '../../src/hooks/answerWriteConflicts'

const mongoConflict = () => {
  const error = new MongoServerError({ message: 'WriteConflict error', code: 112 })
  error.addErrorLabel('TransientTransactionError')
  return error
}

describe('isWriteConflict', () => {
  it.each([
    ["MongoDB's WriteConflict", mongoConflict()],
    [
      'a transient transaction error, wrapped',
      Object.assign(new Error('Transaction failed'), { cause: mongoConflict() }),
    ],
    ['a PostgreSQL deadlock', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    [
      'a PostgreSQL serialization failure, wrapped by the ORM',
      Object.assign(new Error('Failed query'), {
        cause: Object.assign(new Error('could not serialize access'), { code: '40001' }),
      }),
    ],
  ])('recognises %s', (_, error) => expect(isWriteConflict(error)).toBe(true))

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('leaves %s alone', (_, error) => expect(isWriteConflict(error)).toBe(false))
})

describe('answerWriteConflicts', () => {
  it('answers a conflict 409 naming it, over REST and GraphQL', () => {
    type Args = Parameters<typeof answerWriteConflicts>[0]
    const args = { error: mongoConflict() } as unknown as Args
    expect(answerWriteConflicts(args)).toEqual({
      status: 409,
      response: {
        errors: [
          {
            message:
              'Another change to this document was being saved at the same moment; try again.',
          },
        ],
      },
    })
    expect(
      answerWriteConflicts({ ...args, graphqlResult: { message: 'x' } } as unknown as Args),
    ).toMatchObject({ graphqlResult: { extensions: { statusCode: 409 } } })
    expect(answerWriteConflicts({ error: new Error('other') } as unknown as Args)).toBeUndefined()
  })
})
