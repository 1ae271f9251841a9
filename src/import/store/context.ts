import type { Payload, PayloadRequest } from 'payload'

type Id = number | string

/**
 * Look-ups kept for a whole import (authors and sources by name, slugs taken). Entries made while
 * a post is imported are staged and kept only when its transaction commits.
 */
export class Registry<V> {
  private readonly committed = new Map<string, V>()
  private staged = new Map<string, V>()

  get(key: string): V | undefined {
    return this.staged.get(key) ?? this.committed.get(key)
  }

  has(key: string): boolean {
    return this.staged.has(key) || this.committed.has(key)
  }

  /** Known before the import started, or committed since. */
  set(key: string, value: V): void {
    this.committed.set(key, value)
  }

  stage(key: string, value: V): void {
    this.staged.set(key, value)
  }

  commit(): void {
    for (const [key, value] of this.staged) this.committed.set(key, value)
    this.staged = new Map()
  }

  rollback(): void {
    this.staged = new Map()
  }
}

/** Which authors and sources an import made or found, by id, counted once each. */
export type Tally = { created: Set<Id>; reused: Set<Id> }
export const tally = (): Tally => ({ created: new Set(), reused: new Set() })

export type ImportContext = {
  payload: Payload
  dryRun: boolean
  /** Authors by `name:<lowercase>` and `email:<address>`; sources by lowercase name. */
  authors: Registry<Id>
  sources: Registry<Id>
  /** Slugs handed out during this import, per collection. */
  slugs: Registry<true>
  media: Registry<Id>
  /** `--author <slug>`: every post is credited to this author. */
  forcedAuthor?: Id
  authorTally: Tally
  sourceTally: Tally
  /** Ids handed out in a dry run, where nothing is written. */
  nextFakeId: () => number
}

export type PostScope = { ctx: ImportContext; req: PayloadRequest }

export function commitScope(ctx: ImportContext): void {
  for (const registry of [ctx.authors, ctx.sources, ctx.slugs, ctx.media]) registry.commit()
}

export function rollbackScope(ctx: ImportContext): void {
  for (const registry of [ctx.authors, ctx.sources, ctx.slugs, ctx.media]) registry.rollback()
}
