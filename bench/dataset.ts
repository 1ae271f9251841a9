/** What the scenarios know about the seeded database: the benchmark's own view of a SeedSummary. */
export type Id = number | string
export type Login = { email: string; password: string }

export type Dataset = {
  articles: number
  seedMs: number
  /** Rows seeded, by collection (for the report). */
  counts: Record<string, number>
  publishedSlugs: string[]
  publishedIds: Id[]
  /** Unpublished articles (draft, in review, changes requested). */
  draftIds: Id[]
  authorSlugs: string[]
  sourceSlugs: string[]
  tags: string[]
  /** Articles in workflow state `approved` that a publisher can publish, for the publish-while-reading scenario. */
  approvedReadyIds: Id[]
  users: { admin: Login; publisher: Login; editor: Login }
  /** SQLite only: the index names src/db/listingIndexes.ts adds to Payload's generated schema. */
  listingIndexes: string[]
}
