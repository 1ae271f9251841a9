import type { Role } from '../../src/access/roles'
import type { Id } from './articles'
import type { WriteMode } from './writer'

export type SeedOptions = {
  /** Published articles. */
  articles: number
  /** Unpublished articles (draft, in review, changes requested): never public. */
  drafts: number
  authors: number
  sources: number
  comments: number
  /** Share of comments that are approved (the rest pending, spam or rejected). */
  approvedShare: number
  /** Articles left `approved`, for the benchmark to publish through the workflow. */
  approvedReady: number
  log?: (line: string) => void
  /** PRNG seed: the same options and seed build the same content. */
  seed?: number
  /** Password of the four accounts (default `bench-password`). */
  password?: string
  /** Publication dates spread over this many years before now (default 6). */
  years?: number
  /** How the bulky collections are written (see seed/writer.ts); SQLite's default is `bulk`. */
  writes?: WriteMode
}

export type SizeOptions = Omit<SeedOptions, 'log' | 'seed' | 'password' | 'years' | 'writes'>

/** The standard benchmark run. */
export const STANDARD: SizeOptions = {
  articles: 10_000,
  drafts: 2_000,
  authors: 200,
  sources: 500,
  comments: 100_000,
  approvedShare: 0.8,
  approvedReady: 300,
}
export const SMALL: SizeOptions = {
  ...STANDARD,
  articles: 1_000,
  drafts: 200,
  authors: 50,
  sources: 100,
  comments: 10_000,
  approvedReady: 100,
}
/** Ten times the standard archive, with as many comments per article. */
export const LARGE: SizeOptions = {
  ...STANDARD,
  articles: 100_000,
  drafts: 20_000,
  authors: 1_000,
  sources: 2_000,
  comments: 1_000_000,
  approvedReady: 1_000,
}

export type SeedUser = { id: Id; email: string; password: string; name: string; roles: Role[] }
export type SeedUsers = Record<'admin' | 'publisher' | 'editor' | 'contributor', SeedUser>

export type SeedPhase = { name: string; count: number; ms: number; perSecond: number }

export type SeedSummary = {
  adapter: 'sqlite' | 'postgres' | 'mongodb'
  /** How the bulky collections were written (see seed/writer.ts). */
  writes: WriteMode
  elapsedMs: number
  phases: SeedPhase[]
  counts: {
    users: number
    authors: number
    sources: number
    published: number
    drafts: number
    approvedReady: number
    articleVersions: number
    workflowEvents: number
    comments: number
    commentsApproved: number
    commentsPending: number
    commentsSpam: number
    commentsRejected: number
    replies: number
  }
  /** The four accounts and their password: `publisher` publishes the approved articles. */
  users: SeedUsers
  /** Published articles, oldest first (ids and slugs in the same order). */
  publishedIds: Id[]
  publishedSlugs: string[]
  /** Unpublished articles (draft, in_review, changes_requested). */
  draftIds: Id[]
  draftSlugs: string[]
  /** Articles in the state `approved`, ready for the publisher's `publish` transition. */
  approvedReadyIds: Id[]
  approvedReadySlugs: string[]
  authorSlugs: string[]
  sourceSlugs: string[]
  /** Every tag that some article carries. */
  tags: string[]
  /** The published articles with the most comments, most first (for article-page requests). */
  mostCommented: { id: Id; slug: string; comments: number; approved: number }[]
}

export function validate(options: SeedOptions): void {
  for (const name of [
    'articles',
    'drafts',
    'authors',
    'sources',
    'comments',
    'approvedReady',
  ] as const) {
    if (!Number.isSafeInteger(options[name]) || options[name] < 0) {
      throw new Error(`seedNewsroom: ${name} must be a whole number ≥ 0, got ${options[name]}.`)
    }
  }
  if (options.authors < 2)
    throw new Error(
      'seedNewsroom: authors must be at least 2 (the contributor and the editor write under bylines).',
    )
  if (options.sources < 1 && options.articles + options.drafts + options.approvedReady > 0) {
    throw new Error('seedNewsroom: sources must be at least 1: every article quotes someone.')
  }
  if (!(options.approvedShare >= 0 && options.approvedShare <= 1)) {
    throw new Error(
      `seedNewsroom: approvedShare must be between 0 and 1, got ${options.approvedShare}.`,
    )
  }
}
