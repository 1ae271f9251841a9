import express, { type RequestHandler } from 'express'

export const JSON_LIMIT = '1mb'

/** Reads a JSON request body (at most 1 MB: larger answers 413) so it can be checked before Payload sees it. */
export const readJsonBody: RequestHandler = express.raw({ type: ['application/json', 'application/*+json'], limit: JSON_LIMIT })

/**
 * A JSON body must be an object (or an array, which Payload's validation answers). A malformed
 * one, or a bare `null`, number or string, would otherwise reach Payload's operations and end as a
 * 500; here it is a 400 that says so.
 */
export const requireJsonObject: RequestHandler = (req, res, next) => {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) return next()
  let value: unknown
  try {
    value = JSON.parse(req.body.toString('utf8'))
  } catch (error) {
    return void res.status(400).json({ errors: [{ message: `The request body is not valid JSON: ${(error as Error).message}` }] })
  }
  if (value === null || typeof value !== 'object') {
    return void res.status(400).json({ errors: [{ message: 'The request body must be a JSON object.' }] })
  }
  next()
}
