import v8 from 'node:v8'
import vm from 'node:vm'

import { sql } from '@payloadcms/db-postgres/drizzle'
import { ObjectId } from 'mongodb'
import { createLocalReq, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'

import type { Id } from './articles'
import { SqliteBulk, type Doc } from './sqliteBulk'

export type AdapterKind = 'sqlite' | 'postgres' | 'mongodb'

/**
 * - `bulk` (SQLite only, the default there): multi-row inserts straight into Payload's tables
 *   (seed/sqliteBulk.ts), several times faster than one `payload.db.create` per document.
 * - `adapter`: the database adapter's own `payload.db.create` / `createVersion`, one document per
 *   call, which turn a document into the adapter's storage exactly as Payload's operations do.
 *   MongoDB always uses it (one document per insert, inside the batch's transaction).
 */
export type WriteMode = 'bulk' | 'adapter'

/**
 * Writes seed documents below Payload's hooks, access and validation: the Local API runs the
 * editorial hooks on every save and manages ~50 articles/s. Small collections (authors, whose
 * links are an array field, and sources) always go through the adapter; the bulk ones (articles
 * with their versions, audit events, comments) through `mode`.
 *
 * Ids are chosen here, before writing (SQLite: the next integers; MongoDB: new ObjectIds), so
 * versions, events, comments and replies are written without reading anything back.
 */
export class SeedWriter {
  readonly kind: AdapterKind
  readonly mode: WriteMode
  private readonly bulk?: SqliteBulk
  private readonly next = new Map<string, number>()
  private batches = 0

  constructor(
    private readonly payload: Payload,
    mode: WriteMode = 'bulk',
  ) {
    this.kind =
      payload.db.name === 'mongoose'
        ? 'mongodb'
        : payload.db.name === 'postgres'
          ? 'postgres'
          : 'sqlite'
    this.mode = this.kind === 'sqlite' ? mode : 'adapter'
    if (this.mode === 'bulk') this.bulk = new SqliteBulk(payload)
  }

  async ids(collection: CollectionSlug, count: number): Promise<Id[]> {
    return this.allocate(collection, count, async () => {
      const { docs } = await this.payload.db.find<{ id: number }>({
        collection,
        sort: '-id',
        limit: 1,
        pagination: false,
      })
      return docs[0]?.id ?? 0
    })
  }

  private async versionIds(collection: CollectionSlug, count: number): Promise<number[]> {
    return this.allocate(`${collection} versions`, count, async () => {
      const { docs } = await this.payload.db.findVersions({
        collection,
        sort: '-id',
        limit: 1,
        pagination: false,
      })
      return Number(docs[0]?.id ?? 0)
    }) as Promise<number[]>
  }

  private async allocate(key: string, count: number, last: () => Promise<number>): Promise<Id[]> {
    if (this.kind === 'mongodb')
      return Array.from({ length: count }, () => new ObjectId().toHexString())
    if (!this.next.has(key)) this.next.set(key, (await last()) + 1)
    const first = this.next.get(key)!
    this.next.set(key, first + count)
    return Array.from({ length: count }, (_, index) => first + index)
  }

  /**
   * After the last write: PostgreSQL's id sequences move on past the ids written here, which the
   * writer chose itself, so the next document Payload creates does not take one of them.
   */
  async finish(): Promise<void> {
    if (this.kind !== 'postgres') return
    const { drizzle } = this.payload.db as unknown as {
      drizzle: { execute(query: unknown): Promise<{ rows: Array<{ table_name: string }> }> }
    }
    const { rows } = await drizzle.execute(
      sql.raw(
        "select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'id' and column_default like 'nextval(%'",
      ),
    )
    for (const { table_name: name } of rows) {
      await drizzle.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce((select max(id) from "${name}"), 0) + 1, false)`,
        ),
      )
    }
  }

  /** One transaction per batch: a failed batch leaves nothing behind, and SQLite commits once per batch. */
  async transaction(work: (req: PayloadRequest) => Promise<void>): Promise<void> {
    const req = await createLocalReq({}, this.payload)
    const transactionID = await this.payload.db.beginTransaction()
    if (transactionID !== null && transactionID !== undefined) req.transactionID = transactionID
    try {
      await work(req)
      if (req.transactionID) await this.payload.db.commitTransaction(transactionID!)
      if (this.kind === 'sqlite' && ++this.batches % 25 === 0) await releaseNativeMemory()
    } catch (error) {
      if (req.transactionID) await this.payload.db.rollbackTransaction(transactionID!)
      throw error
    }
  }

  /** One document through the adapter. */
  async create(
    collection: CollectionSlug,
    { id, ...data }: Doc,
    req: PayloadRequest,
  ): Promise<void> {
    await this.payload.db.create({ collection, customID: id, data, req, returning: false })
  }

  /** Documents without versions: comments, audit events. */
  async insertMany(collection: CollectionSlug, docs: Doc[], req: PayloadRequest): Promise<void> {
    if (this.bulk) return this.bulk.insert(collection, docs, req)
    for (const doc of docs) await this.create(collection, doc, req)
  }

  /**
   * Documents of a collection with drafts: the main row (what the public API reads) and one
   * version, the latest (what the admin reads), as Payload stores a document saved once.
   */
  async insertWithVersions(
    collection: CollectionSlug,
    docs: Doc[],
    req: PayloadRequest,
  ): Promise<void> {
    if (this.bulk)
      return this.bulk.insert(collection, docs, req, await this.versionIds(collection, docs.length))
    for (const { id, ...data } of docs) {
      await this.payload.db.create({ collection, customID: id, data, req, returning: false })
      const at = data.updatedAt as string
      await this.payload.db.createVersion({
        collectionSlug: collection,
        parent: id,
        versionData: data,
        autosave: false,
        createdAt: at,
        updatedAt: at,
        req,
        returning: false,
      })
    }
  }

  /** Array rows (an author's links) carry their own id, as Payload's array fields give them. */
  arrayRowId(): string {
    return new ObjectId().toHexString()
  }
}

let collect: (() => void) | undefined

/**
 * libsql frees a statement, and its copy of the bound values, only when V8 collects the statement's
 * JavaScript wrapper; V8 does not see that native memory, so a seed that allocates little in
 * JavaScript rarely collects, and its memory grew by the size of everything written (1.3 GB for
 * the standard size, ~10 GB expected for --large). Each SQLite transaction also leaves behind a
 * connection (libsql's client opens a new one for what follows) until the collector closes it.
 * So every 25 batches the seed collects garbage and lets the finalizers run.
 */
async function releaseNativeMemory(): Promise<void> {
  if (!collect) {
    if (typeof globalThis.gc !== 'function') v8.setFlagsFromString('--expose-gc')
    collect =
      typeof globalThis.gc === 'function' ? globalThis.gc : (vm.runInNewContext('gc') as () => void)
  }
  collect()
  await new Promise((resolve) => setImmediate(resolve))
}
