type RawIndex = { name: string; on: string | string[]; unique?: boolean }
type RawTable = {
  name: string
  columns: Record<string, unknown>
  indexes?: Record<string, RawIndex>
}

/**
 * Indexes that Payload's generated SQL schema (SQLite and PostgreSQL alike) lacks and public listings need. Without them a
 * list of the newest published articles sorts every row and runs a correlated subquery per row
 * on the `_texts` tables (7 s per request at 10,000 articles). They are part of the drizzle
 * schema, so `migrate:create` writes them into migrations and dev push creates them too.
 */
export function addListingIndexes<Schema>(args: { schema: Schema }): Schema {
  // Both SQL adapters hand the hook themselves (untyped); their raw tables make the migrations.
  const { adapter, schema } = args as typeof args & {
    adapter: { rawTables: Record<string, RawTable> }
  }
  const tables = adapter.rawTables
  for (const table of Object.values(tables)) {
    // hasMany text/number values are read per parent row; Payload indexes only (order, parent).
    if (/_(texts|numbers)$/.test(table.name) && 'parent' in table.columns) {
      addIndex(table, 'parent', [`parent`])
    }
  }
  addIndex(tables.articles, 'status_published_at', ['_status', 'publishedAt', 'createdAt'])
  addIndex(tables.articles, 'status_created_at', ['_status', 'createdAt'])
  addIndex(tables.articles_texts, 'path_text', ['path', 'text'])
  // An article's approved comments, in order: without it SQLite picks the status index and reads
  // 80% of all comments per article page (12 ms at 100,000 comments); and the moderation queue.
  addIndex(tables.comments, 'article_status_created_at', ['article', 'status', 'createdAt'])
  addIndex(tables.comments, 'status_created_at', ['status', 'createdAt'])
  return schema
}

function addIndex(table: RawTable | undefined, suffix: string, on: string[]): void {
  if (!table) throw new Error(`addListingIndexes: table missing from the schema (index ${suffix})`)
  for (const column of on) {
    if (!(column in table.columns))
      throw new Error(`addListingIndexes: ${table.name} has no column ${column}`)
  }
  table.indexes = { ...table.indexes, [suffix]: { name: `${table.name}_${suffix}_idx`, on } }
}
