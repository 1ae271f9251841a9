import { ConfigError } from '../env'

/** Where a PostgreSQL URI points, without credentials: "db.internal:5432" or a socket folder. */
export function postgresHost(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined
  if (!parsed) return '(unreadable URI)'
  return parsed.host || parsed.searchParams.get('host') || 'localhost'
}

/**
 * node-postgres waits on an unreachable host for as long as the OS does, and Payload then logs a
 * stack trace; checking first lets the process say in one line which host it could not reach.
 */
export async function assertPostgresReachable(url: string, timeoutMs = 5000): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  // A connection that breaks after connecting reports through 'error'; the query below fails too.
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    // A missing database is created by the adapter (Payload's default); anything else is fatal.
    if (/database .* does not exist/i.test(reason)) return
    throw new ConfigError(
      `Cannot reach PostgreSQL at ${postgresHost(url)} (DATABASE_URI) within ${timeoutMs / 1000} s: ${reason}`,
    )
  } finally {
    await client.end().catch(() => undefined)
  }
}
