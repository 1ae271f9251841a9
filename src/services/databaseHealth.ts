import type { Payload } from 'payload'

import { USERS } from '../collections/slugs'

export const UNAVAILABLE_MESSAGE = 'The database is unavailable; try again in a few seconds.'
export const RETRY_AFTER_SECONDS = 5
const PROBE_TIMEOUT_MS = 2000
const RETRY_MS = 1000

/**
 * Driver errors that mean "cannot reach the data now", not "this request is wrong": SQLite's busy,
 * locked, cannot-open, I/O, disk-full and read-only errors (libsql reports a failed open only in its
 * message, `ConnectionFailed(…)`), and the MongoDB driver's selection and network errors.
 */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY)/
const UNAVAILABLE_MESSAGES = /ConnectionFailed\(|\bSQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY)\b/
const UNAVAILABLE_NAMES = /^(Mongo(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|PoolCleared)Error|PoolClearedError)$/

type DriverError = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown }

export function isUnavailableError(error: unknown): boolean {
  // Drivers and ORMs wrap each other's errors (in `cause`, or only in the message): look down the chain.
  for (let e = error as DriverError | undefined, i = 0; e && typeof e === 'object' && i < 5; e = e.cause as DriverError, i++) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.test(e.code)) return true
    if (typeof e.name === 'string' && UNAVAILABLE_NAMES.test(e.name)) return true
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true
  }
  return false
}

let down = false
let probing: Promise<boolean> | undefined

/** Whether the last look at the database found it unavailable (requests then answer 503 at once). */
export const databaseIsDown = (): boolean => down

/**
 * Called with an error a request ran into. A connectivity error marks the database unavailable
 * and starts probing it every second until it answers again; says whether it was one.
 */
export function noteDatabaseError(payload: Payload, error: unknown): boolean {
  if (!isUnavailableError(error)) return false
  markDown(payload, error)
  return true
}

/** One trivial query, at most one at a time, within 2 s: marks the database up or down. */
export function probeDatabase(payload: Payload): Promise<boolean> {
  probing ??= (async () => {
    try {
      await Promise.race([
        payload.count({ collection: USERS }),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS).unref(),
        ),
      ])
      if (down) payload.logger.info('The database answers again; serving requests.')
      down = false
      return true
    } catch (error) {
      markDown(payload, error)
      return false
    } finally {
      probing = undefined
    }
  })()
  return probing
}

function markDown(payload: Payload, error: unknown): void {
  if (down) return
  down = true
  // The driver's message can name files or hosts: it goes to the log only.
  payload.logger.error({ err: error, msg: 'The database is unavailable; answering 503 until it is back.' })
  const retry = () =>
    setTimeout(async () => {
      if (down && !(await probeDatabase(payload))) retry()
    }, RETRY_MS).unref()
  retry()
}
