import { MongoMemoryReplSet } from 'mongodb-memory-server'

const HOW_TO =
  'No MongoDB server binary is available: set MONGOMS_SYSTEM_BINARY to a local mongod (7.x or 8.x), or MONGODB_URI to a running replica set, and run `npm run test:mongo` again.'

/**
 * A replica set (transactions need one): MONGODB_URI when given, else mongodb-memory-server,
 * which needs a mongod binary (downloaded, or MONGOMS_SYSTEM_BINARY). Fails fast, in one sentence,
 * when neither can be had, rather than hanging on a download or passing without MongoDB.
 */
export async function startMongo(): Promise<{ uri: string; stop: () => Promise<void> }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, stop: async () => undefined }
  let replSet: MongoMemoryReplSet
  // mongodb-memory-server prints its own multi-line report of a failed download; ours is one line.
  const warn = console.warn
  console.warn = () => undefined
  try {
    replSet = await withTimeout(
      MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' } }),
      Number(process.env.MONGOMS_START_TIMEOUT_MS ?? 60_000),
    )
  } catch (error) {
    const reason = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(
      /,? Details:.*$/,
      '',
    )
    throw new Error(`${HOW_TO} (mongodb-memory-server: ${reason})`, { cause: error })
  } finally {
    console.warn = warn
  }
  return { uri: replSet.getUri(), stop: async () => void (await replSet.stop()) }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no mongod started within ${ms / 1000} s`)), ms).unref(),
    ),
  ])
}
