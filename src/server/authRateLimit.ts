import type { RequestHandler } from 'express'
import { parse, visit } from 'graphql'
import type { Payload } from 'payload'

import { authRateLimit } from '../env'
import { counters } from '../services/counters'
import { limitPerClientIp } from './rateLimit'

/** The REST routes that try a password or a reset token, or send a reset email. */
export const AUTH_PATHS = [
  '/api/users/login',
  '/api/users/forgot-password',
  '/api/users/reset-password',
]

/** Their GraphQL mutations (Payload names them after the users collection). */
const AUTH_MUTATIONS = new Set(['loginUser', 'forgotPasswordUser', 'resetPasswordUser'])

/**
 * How many login, forgot-password and reset-password fields a GraphQL document holds, under any
 * alias, in any operation or fragment. Counting every field node is an upper bound on what can run.
 * A document that does not parse counts 0: GraphQL refuses it without running anything.
 */
export function countAuthMutations(query: unknown): number {
  if (typeof query !== 'string') return 0
  let count = 0
  try {
    visit(parse(query), { Field: (node) => void (AUTH_MUTATIONS.has(node.name.value) && count++) })
  } catch {
    return 0
  }
  return count
}

/**
 * One AUTH_RATE_LIMIT quota per client IP, shared by the REST routes and the GraphQL mutations, so
 * switching API does not buy more guesses. `graphql` goes after readJsonBody: GraphQL is served only
 * for JSON bodies, and a request may carry one of these mutations at most (aliases would otherwise
 * put a hundred guesses in one request).
 */
export function authRateLimiters(payload: Payload): {
  rest: RequestHandler
  graphql: RequestHandler
} {
  const { limit, windowSeconds } = authRateLimit()
  const rest = limitPerClientIp(
    { limit, windowSeconds },
    (retryAfter) =>
      `Too many login or password-reset attempts from your address: at most ${limit} every ${windowSeconds} s. Try again in ${retryAfter} s.`,
    { counters: counters(payload), name: 'auth' },
  )
  const graphql: RequestHandler = (req, res, next) => {
    const count = countAuthMutations(Buffer.isBuffer(req.body) ? queryOf(req.body) : undefined)
    if (count === 0) return next()
    if (count > 1) {
      return void res.status(400).json({
        errors: [
          {
            message:
              'Send one loginUser, forgotPasswordUser or resetPasswordUser mutation per request.',
          },
        ],
      })
    }
    return rest(req, res, next)
  }
  return { rest, graphql }
}

function queryOf(body: Buffer): unknown {
  try {
    return (JSON.parse(body.toString('utf8')) as { query?: unknown } | null)?.query
  } catch {
    return undefined
  }
}
