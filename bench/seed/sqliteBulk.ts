/**
 * Multi-row inserts into Payload's SQLite tables, for the seed's bulk: `payload.db.create` writes
 * one document with ~4 statements, each prepared and read back (`returning`), ~170 articles/s;
 * one `insert().values([...])` per table and batch is several times faster.
 *
 * The rows are laid out as @payloadcms/drizzle lays them out (checked against the adapter's own
 * writes by tests/int/bench-seed.test.ts): a column per scalar field and single relationship
 * (keyed by the field name in the drizzle table), `<table>_rels` rows for hasMany relationships,
 * `<table>_texts` for hasMany text, and for collections with drafts a `_<table>_v` row per
 * document whose columns are `version_<field>`, with its own rels and texts under `version.<field>`.
 * Fields this layout does not cover (arrays, blocks, groups, hasMany numbers, polymorphic
 * relationships) make it throw rather than drop data.
 */
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { CollectionSlug, FlattenedField, Payload, PayloadRequest } from 'payload'

type Row = Record<string, unknown>
export type Doc = Row & { id: number | string }

type Layout = {
  table: string
  /** Field names stored as columns of the main (and `version_`-prefixed in the version) table. */
  columns: string[]
  rels: { name: string; key: string }[]
  texts: string[]
}

/** Keeps each statement well under SQLite's 32,766 bound parameters. */
const MAX_PARAMETERS = 10_000

const camel = (slug: string) =>
  slug.replace(/[-_]([a-z])/g, (_, letter: string) => letter.toUpperCase())

export class SqliteBulk {
  private readonly adapter: SQLiteAdapter
  private readonly layouts = new Map<string, Layout>()

  constructor(private readonly payload: Payload) {
    this.adapter = payload.db as unknown as SQLiteAdapter
  }

  /** Documents with their rels and texts rows; with `versions`, each also gets its latest version. */
  async insert(
    collection: CollectionSlug,
    docs: Doc[],
    req: PayloadRequest,
    versionIds?: number[],
  ): Promise<void> {
    if (!docs.length) return
    const layout = this.layoutOf(collection)
    const tables = new Map<string, Row[]>()
    const add = (table: string, row: Row) =>
      (tables.get(table) ?? tables.set(table, []).get(table)!).push(row)

    const related = (table: string, parent: unknown, doc: Doc, prefix: string) => {
      for (const { name, key } of layout.rels) {
        ;((doc[name] as unknown[] | null) ?? []).forEach((id, index) =>
          add(`${table}_rels`, { order: index + 1, parent, path: prefix + name, [key]: id }),
        )
      }
      for (const name of layout.texts) {
        ;((doc[name] as unknown[] | null) ?? []).forEach((text, index) =>
          add(`${table}_texts`, { order: index + 1, parent, path: prefix + name, text }),
        )
      }
    }

    docs.forEach((doc, index) => {
      const row: Row = { id: doc.id }
      for (const name of layout.columns) if (doc[name] !== undefined) row[name] = doc[name]
      add(layout.table, row)
      related(layout.table, doc.id, doc, '')
      if (!versionIds) return
      const versionTable = `_${layout.table}_v`
      const version: Row = {
        id: versionIds[index],
        parent: doc.id,
        latest: true,
        autosave: false,
        createdAt: doc.updatedAt,
        updatedAt: doc.updatedAt,
      }
      for (const name of layout.columns)
        if (doc[name] !== undefined) version[`version_${name}`] = doc[name]
      add(versionTable, version)
      related(versionTable, versionIds[index], doc, 'version.')
    })

    const db = await this.drizzleOf(req)
    // Parents before the rows that point at them.
    for (const [table, rows] of tables) {
      const target = this.adapter.tables[table]
      if (!target) throw new Error(`SqliteBulk: no table ${table} in the SQLite schema`)
      const unknown = Object.keys(Object.assign({}, ...rows.slice(0, 50))).filter(
        (key) => !(key in target),
      )
      if (unknown.length)
        throw new Error(`SqliteBulk: ${table} has no column for ${unknown.join(', ')}`)
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(target).length))
      for (let start = 0; start < rows.length; start += perStatement) {
        await db.insert(target).values(rows.slice(start, start + perStatement))
      }
    }
  }

  private async drizzleOf(req: PayloadRequest) {
    const id = await req.transactionID
    const session = id !== undefined && id !== null ? this.adapter.sessions?.[id] : undefined
    return (session?.db as SQLiteAdapter['drizzle'] | undefined) ?? this.adapter.drizzle
  }

  private layoutOf(collection: CollectionSlug): Layout {
    const known = this.layouts.get(collection)
    if (known) return known
    const table =
      this.adapter.tableNameMap.get(collection.replace(/-/g, '_')) ?? collection.replace(/-/g, '_')
    const columns = this.adapter.tables[table]
    if (!columns) throw new Error(`SqliteBulk: no table for the collection ${collection}`)
    const layout: Layout = { table, columns: [], rels: [], texts: [] }
    for (const field of this.payload.collections[collection].config
      .flattenedFields as FlattenedField[]) {
      if ('virtual' in field && field.virtual) continue
      const hasMany = 'hasMany' in field && field.hasMany
      if ((field.type === 'relationship' || field.type === 'upload') && hasMany) {
        if (typeof field.relationTo !== 'string')
          throw new Error(`SqliteBulk: ${collection}.${field.name} is polymorphic`)
        layout.rels.push({ name: field.name, key: `${camel(field.relationTo)}ID` })
      } else if (field.type === 'text' && hasMany) {
        layout.texts.push(field.name)
      } else if (
        field.name in columns &&
        !['array', 'blocks', 'group', 'tab', 'join'].includes(field.type) &&
        !hasMany
      ) {
        layout.columns.push(field.name)
      } else if (field.name !== 'id') {
        throw new Error(
          `SqliteBulk: ${collection}.${field.name} (${field.type}) is not laid out by the bulk writer`,
        )
      }
    }
    this.layouts.set(collection, layout)
    return layout
  }
}
