import { GraphQLError } from 'graphql'
import { APIError, Forbidden } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { logGraphqlRefusalsAsInfo } from '../../src/lib/logGraphqlRefusals'

/** Calls the hook as pino does, with a logger whose `info` and original method are spies. */
function log(args: unknown[], level: number) {
  const logger = { info: vi.fn() }
  const method = vi.fn()
  logGraphqlRefusalsAsInfo.call(logger as never, args as never, method, level)
  return { info: logger.info, method }
}

const wrapped = (error: Error) => new GraphQLError(error.message, { originalError: error })

describe('logGraphqlRefusalsAsInfo', () => {
  it.each([
    ['a Forbidden', new Forbidden()],
    [
      'a 409 from the workflow',
      new APIError('Cannot publish: article is "in_review".', 409, null, true),
    ],
  ])('logs %s thrown in a GraphQL resolver as one info line with its message only', (_, error) => {
    const { info, method } = log([{ err: wrapped(error) }], 50)
    expect(info).toHaveBeenCalledWith({ msg: error.message })
    expect(method).not.toHaveBeenCalled()
  })

  it.each([
    ['a 500 in a GraphQL resolver', [{ err: wrapped(new Error('boom')) }], 50],
    ['a refusal outside GraphQL (REST logs those itself)', [{ err: new Forbidden() }], 50],
    ['a GraphQL refusal logged below error level', [{ err: wrapped(new Forbidden()) }], 40],
    ['a plain message', ['The database is unavailable'], 50],
  ])('leaves %s as it was', (_, args, level) => {
    const { info, method } = log(args, level)
    expect(method).toHaveBeenCalledWith(...args)
    expect(info).not.toHaveBeenCalled()
  })
})
