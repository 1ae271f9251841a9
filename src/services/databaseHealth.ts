import type { Payload } from 'payload'

import { USERS } from '../collections/slugs'

export const UNAVAILABLE_MESSAGE = 'The database is unavailable; try again in a few seconds.'
export const RETRY_AFTER_SECONDS = 5
const PROBE_TIMEOUT_MS = 2000
const RETRY_MS = 1000

/**
 * Driver errors that mean "cannot reach the data now", not "this request is wrong". Unreachable:
 * SQLite cannot open the file or reading it fails (libsql reports a failed open only in its
 * message, `ConnectionFailed(…)`); PostgreSQL refuses or drops the connection (a socket error, SQLSTATE
 * class 08, a server shutting down or starting, 57P0x); MongoDB has no server to select or lost
 * the connection. Busy: SQLite is locked by another process, or the disk is full or read-only;
 * PostgreSQL has no connection slot left (53300), or this instance's pool none free within its
 * timeout — this request fails, the next may not.
 */
const UNREACHABLE_CODES =
  /^(SQLITE_(CANTOPEN|IOERR)|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|08...|57P0[1-3])/
const UNREACHABLE_MESSAGES = /ConnectionFailed\(|\bSQLITE_(CANTOPEN|IOERR)\b|Connection terminated/
const UNREACHABLE_NAMES =
  /^(Mongo(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|PoolCleared)Error|PoolClearedError)$/
const BUSY_CODES = /^(SQLITE_(BUSY|LOCKED|FULL|READONLY)|53300)/
const BUSY_MESSAGES =
  /\bSQLITE_(BUSY|LOCKED|FULL|READONLY)\b|database is locked|database or disk is full|readonly database|timeout exceeded when trying to connect/

type DriverError = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown }

/** Looks down the cause chain: drivers and ORMs wrap each other's errors (in `cause`, or only in the message). */
function someCause(error: unknown, test: (e: DriverError) => boolean): boolean {
  for (
    let e = error as DriverError | undefined, i = 0;
    e && typeof e === 'object' && i < 5;
    e = e.cause as DriverError, i++
  ) {
    if (test(e)) return true
  }
  return false
}

const matches = (value: unknown, pattern: RegExp) =>
  typeof value === 'string' && pattern.test(value)

export const isUnreachableError = (error: unknown): boolean =>
  someCause(
    error,
    (e) =>
      matches(e.code, UNREACHABLE_CODES) ||
      matches(e.name, UNREACHABLE_NAMES) ||
      matches(e.message, UNREACHABLE_MESSAGES),
  )

export const isBusyError = (error: unknown): boolean =>
  someCause(error, (e) => matches(e.code, BUSY_CODES) || matches(e.message, BUSY_MESSAGES))

let down = false
let probing: Promise<boolean> | undefined

/** Whether the last look at the database found it unavailable (requests then answer 503 at once). */
export const databaseIsDown = (): boolean => down

/**
 * Called with an error a request ran into; says whether it was the database's (then the request
 * answers 503). An unreachable database is also marked down: requests answer 503 at once, and it
 * is probed every second until it answers again. A busy one fails only the request that met it.
 */
export function noteDatabaseError(payload: Payload, error: unknown): boolean {
  if (isUnreachableError(error)) {
    markDown(payload, error)
    return true
  }
  return isBusyError(error)
}

/** One trivial query, at most one at a time, within 2 s: marks the database up or down. */
export function probeDatabase(payload: Payload): Promise<boolean> {
  probing ??= (async () => {
    try {
      await Promise.race([
        payload.count({ collection: USERS }),
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
            PROBE_TIMEOUT_MS,
          ).unref(),
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
  payload.logger.error({
    err: error,
    msg: 'The database is unavailable; answering 503 until it is back.',
  })
  const retry = () =>
    setTimeout(async () => {
      if (down && !(await probeDatabase(payload))) retry()
    }, RETRY_MS).unref()
  retry()
}
