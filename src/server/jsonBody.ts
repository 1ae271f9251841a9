import express, { type RequestHandler } from 'express'

import { findForbiddenKey } from '../lib/forbiddenKeys'

export const JSON_LIMIT = '1mb'

/** Reads a JSON request body (at most 1 MB: larger answers 413) so it can be checked before Payload sees it. */
export const readJsonBody: RequestHandler = express.raw({
  type: ['application/json', 'application/*+json'],
  limit: JSON_LIMIT,
})

/**
 * A JSON body must be an object (or an array, which Payload's validation answers). A malformed
 * one, or a bare `null`, number or string, would otherwise reach Payload's operations and end as a
 * 500; here it is a 400 that says so. So is a `__proto__`, `constructor` or `prototype` key at any
 * depth (REST bodies and GraphQL variables alike): Payload would store it inside rich text.
 */
export const requireJsonObject: RequestHandler = (req, res, next) => {
  // GraphQL takes JSON and refuses multipart (415), but only after Payload has parsed the body:
  // a malformed one failed there with a 500.
  if (
    /^\/api\/graphql\/?(\?|$)/.test(req.originalUrl) &&
    /^multipart\//i.test(req.headers['content-type'] ?? '')
  ) {
    return void res.status(415).json({
      errors: [{ message: 'GraphQL requests are JSON: send Content-Type: application/json.' }],
    })
  }
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) return next()
  let value: unknown
  try {
    value = JSON.parse(req.body.toString('utf8'))
  } catch (error) {
    return void res.status(400).json({
      errors: [{ message: `The request body is not valid JSON: ${(error as Error).message}` }],
    })
  }
  if (value === null || typeof value !== 'object') {
    return void res
      .status(400)
      .json({ errors: [{ message: 'The request body must be a JSON object.' }] })
  }
  const forbidden = findForbiddenKey(value)
  if (forbidden) {
    return void res.status(400).json({
      errors: [
        {
          message: `The request body contains the forbidden key "${forbidden.key}" at ${forbidden.path}.`,
        },
      ],
    })
  }
  next()
}
