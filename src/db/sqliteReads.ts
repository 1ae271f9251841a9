import type { Client, InValue } from '@libsql/client'
import type { Payload } from 'payload'

export type Row = Record<string, InValue>
export type Rows = (sql: string, args: InValue[]) => Promise<Row[]>

/** The libsql client of a Payload on SQLite; undefined on any other adapter. */
export function sqliteClient(payload: Payload): Client | undefined {
  const db = payload.db as unknown as { name?: string; client?: Client }
  return db.name === 'sqlite' ? db.client : undefined
}

/** Runs a parameterised SELECT and answers its rows. */
export const rowsOf =
  (client: Client): Rows =>
  async (sql, args) =>
    (await client.execute({ sql, args })).rows as unknown as Row[]

/** `?, ?, ?`: the placeholders of an `in (…)` of `count` values. */
export const placeholders = (count: number): string =>
  Array.from({ length: count }, () => '?').join(', ')

/** A nullable column as Payload answers it: null stays null. */
export const textOrNull = (value: InValue): string | null => (value === null ? null : String(value))
export const numberOrNull = (value: InValue): number | null =>
  value === null ? null : Number(value)
