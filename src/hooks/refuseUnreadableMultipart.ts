import type { AfterErrorHook } from 'payload'

/** What busboy, Payload's multipart parser, throws for a body it cannot read. */
const UNREADABLE =
  /^(Malformed part header|Malformed content type|Malformed urlencoded form|Unexpected end of (form|file)|Multipart: Boundary not found)$/

const reasonFor = (error: Error): string | undefined => {
  if (error instanceof SyntaxError) return `The _payload field is not valid JSON: ${error.message}`
  // Payload's own 500 for a multipart Content-Type it will not parse (in practice: no boundary).
  if (error.message === 'Request is not eligible for file upload')
    return 'The multipart body could not be read: its Content-Type needs a boundary (multipart/form-data; boundary=…).'
  if (UNREADABLE.test(error.message))
    return `The multipart body could not be read: ${error.message}.`
  return undefined
}

/**
 * Payload reads a multipart body (an upload, with its data as JSON in the `_payload` field) before
 * any collection hook runs, and answers one it cannot read — a broken part header, a truncated
 * body, a missing boundary, a `_payload` that is not JSON — with a 500. These are the sender's
 * mistakes: 400 saying what was wrong. Runs after attachRequestId, which rewrites every 500.
 */
export const refuseUnreadableMultipart: AfterErrorHook = ({ error, req }) => {
  const status = (error as { status?: number }).status ?? 500
  if (status !== 500 || !/^multipart\//i.test(req.headers.get('Content-Type') ?? '')) return
  const message = reasonFor(error)
  if (message) return { status: 400, response: { errors: [{ message }] } }
}
