/**
 * The benchmark's data: one fresh database seeded per size (in a child process, bench/fixture.ts),
 * then a copy per server — of the SQLite file, or of the PostgreSQL database (`CREATE DATABASE …
 * TEMPLATE`) — so every server starts from the same rows whatever the one before it published or
 * edited. Bare Payload's copies have its own schema's indexes only.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import pg from 'pg'

import { databaseUrl } from '../tests/helpers/postgres'
import type { Dataset } from './dataset'

export type Seeded = {
  dataset: Dataset
  databaseUri: string
  /** SQLite: the seeded file. */
  file?: string
  /** PostgreSQL: the server the seeded database is on. */
  postgres?: string
  wallMs: number
}

/** What bare Payload runs on: its generated schema, or that plus the two indexes a developer would add first. */
export type IndexVariant = 'as-seeded' | 'generated' | 'two-indexes'

const TWO_INDEXES = [
  'CREATE INDEX bench_articles_texts_parent ON articles_texts (parent_id)',
  'CREATE INDEX bench_articles_status_published_at ON articles (_status, published_at)',
]

export async function seedDatabase(options: {
  articles: number
  approvedReady: number
  drafts: number
  dir: string
  /** MongoDB: a fresh database on this server; SQLite otherwise. */
  mongoUri?: string
  /** PostgreSQL: a fresh database on this server. */
  postgres?: string
  env: NodeJS.ProcessEnv
}): Promise<Seeded> {
  const { articles, dir, mongoUri, postgres } = options
  const file = mongoUri || postgres ? undefined : path.join(dir, `seed-${articles}.db`)
  const databaseUri = mongoUri
    ? freshMongoDatabase(mongoUri, articles)
    : postgres
      ? databaseUrl(postgres, `bench_seed_${articles}`)
      : `file:${file}`
  const out = path.join(dir, `dataset-${articles}.json`)
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [
      '--conditions=production',
      '--import',
      'tsx',
      'bench/fixture.ts',
      out,
      JSON.stringify({ articles, approvedReady: options.approvedReady, drafts: options.drafts }),
    ],
    {
      env: {
        ...options.env,
        DATABASE_URI: databaseUri,
        MEDIA_DIR: path.join(dir, 'media'),
        JOBS_AUTORUN: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`seeding ${articles} articles failed (exit ${code})`)
  const dataset = JSON.parse(fs.readFileSync(out, 'utf8')) as Dataset
  return { dataset, databaseUri, file, postgres, wallMs: Math.round(performance.now() - started) }
}

/** A copy of the seeded SQLite file for one server, with the indexes that server is meant to have. */
export async function copyDatabase(
  seeded: Seeded,
  target: string,
  variant: IndexVariant,
): Promise<string> {
  if (seeded.postgres) return copyPostgres(seeded, seeded.postgres, path.basename(target), variant)
  if (!seeded.file) throw new Error('copies are for SQLite and PostgreSQL only')
  fs.copyFileSync(seeded.file, target)
  if (variant === 'as-seeded') return `file:${target}`
  const db = createClient({ url: `file:${target}` })
  try {
    const { rows } = await db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    const present = new Set(rows.map((row) => String(row.name)))
    const missing = seeded.dataset.listingIndexes.filter((name) => !present.has(name))
    if (missing.length)
      throw new Error(
        `the seeded database lacks the listing indexes ${missing.join(', ')}: schema and migrations disagree`,
      )
    for (const name of seeded.dataset.listingIndexes) await db.execute(`DROP INDEX "${name}"`)
    if (variant === 'two-indexes') for (const sql of TWO_INDEXES) await db.execute(sql)
  } finally {
    db.close()
  }
  return `file:${target}`
}

/** A copy of the seeded PostgreSQL database, named after `target`, with the variant's indexes. */
async function copyPostgres(
  seeded: Seeded,
  server: string,
  target: string,
  variant: IndexVariant,
): Promise<string> {
  const name = target.replace(/\W/g, '_')
  const template = new URL(seeded.databaseUri).pathname.slice(1)
  const admin = new pg.Client({ connectionString: databaseUrl(server, 'postgres') })
  await admin.connect()
  try {
    await admin.query(`drop database if exists "${name}"`)
    await admin.query(`create database "${name}" template "${template}"`)
  } finally {
    await admin.end()
  }
  const uri = databaseUrl(server, name)
  if (variant === 'as-seeded') return uri
  const db = new pg.Client({ connectionString: uri })
  await db.connect()
  try {
    for (const index of seeded.dataset.listingIndexes) await db.query(`drop index "${index}"`)
    if (variant === 'two-indexes') for (const sql of TWO_INDEXES) await db.query(sql)
    await db.query('analyze')
  } finally {
    await db.end()
  }
  return uri
}

function freshMongoDatabase(uri: string, articles: number): string {
  const url = new URL(uri)
  url.pathname = `/newsroom-bench-${articles}-${randomBytes(3).toString('hex')}`
  return url.toString()
}

export async function dropMongoDatabase(uri: string): Promise<void> {
  const { MongoClient } = await import('mongodb')
  const client = new MongoClient(uri)
  try {
    await client.db().dropDatabase()
  } finally {
    await client.close()
  }
}
