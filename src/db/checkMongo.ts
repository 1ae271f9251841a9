import { ConfigError } from '../env'

/** Hosts named in a MongoDB URI, without credentials: "db1:27017,db2:27017". */
export function mongoHosts(url: string): string {
  const afterScheme = url.replace(/^mongodb(\+srv)?:\/\//, '')
  const authority = afterScheme.split(/[/?]/)[0] ?? ''
  return authority.slice(authority.lastIndexOf('@') + 1) || '(no host)'
}

/**
 * Payload's adapter waits for the driver's server selection and then logs a stack trace; checking
 * first lets the process say in one line which host it could not reach.
 */
export async function assertMongoReachable(url: string, timeoutMs = 5000): Promise<void> {
  // Loaded only where MongoDB is the database: the driver is hundreds of modules to start.
  const { MongoClient } = await import('mongodb')
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  })
  try {
    await client.connect()
    await client.db().command({ ping: 1 })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ConfigError(
      `Cannot reach MongoDB at ${mongoHosts(url)} (DATABASE_URI) within ${timeoutMs / 1000} s: ${reason}`,
    )
  } finally {
    await client.close().catch(() => undefined)
  }
}
