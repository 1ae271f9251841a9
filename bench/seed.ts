/**
 * Seeds a benchmark newsroom into an empty database: the desk's four accounts, authors, sources,
 * published articles, unpublished ones, articles approved and waiting to be published, and reader
 * comments. `npm run bench` builds its requests from the summary; bench/seed-cli.ts runs it alone.
 *
 * The accounts are created with the Local API. Everything bulky is written below Payload's hooks
 * (see seed/writer.ts: multi-row inserts on SQLite, the adapter's `create` / `createVersion` on
 * MongoDB), one transaction per batch. What is written is what Payload and the review workflow
 * would have stored: each article has its main row (what the public API reads) and its latest
 * version (what the admin reads), workflow fields that agree with `_status`, and the audit events
 * of the steps that brought it there; the `approved` ones pass the real `publish` transition.
 * The public pages (the read model) are rendered last, as `npm run public:rebuild` would.
 * Seed before serving: nothing here tells a running server's caches that the data changed.
 */
import type { Payload } from 'payload'

import { publicationTimes, type Newsroom, type SeedState } from './seed/articles'
import { paragraphPool } from './seed/content'
import { validate, type SeedOptions, type SeedPhase, type SeedSummary } from './seed/options'
import { createAccounts, deskOf, writeAuthors, writeSources } from './seed/people'
import { createRandom, weighted } from './seed/random'
import { writeArticles, writeComments } from './seed/stages'
import { SeedWriter } from './seed/writer'
import { rebuildPublicPages } from '../src/services/publicPages/render'

export {
  LARGE,
  SMALL,
  STANDARD,
  type SeedOptions,
  type SeedSummary,
  type SeedUser,
  type SizeOptions,
} from './seed/options'

const UNPUBLISHED_STATES: [SeedState, number][] = [
  ['draft', 0.6],
  ['in_review', 0.25],
  ['changes_requested', 0.15],
]

export async function seedNewsroom(payload: Payload, options: SeedOptions): Promise<SeedSummary> {
  validate(options)
  const started = performance.now()
  const log = options.log ?? (() => undefined)
  const random = createRandom(options.seed ?? 20261125)
  const now = Date.now()
  const writer = new SeedWriter(payload, options.writes)

  const [users, articles] = await Promise.all([
    payload.db.count({ collection: 'users' }),
    payload.db.count({ collection: 'articles' }),
  ])
  if (users.totalDocs || articles.totalDocs) {
    throw new Error(
      `seedNewsroom needs an empty database; this one has ${users.totalDocs} users and ${articles.totalDocs} articles.`,
    )
  }

  const phases: SeedPhase[] = []
  const phase = async <T>(name: string, count: number, work: () => Promise<T>): Promise<T> => {
    const start = performance.now()
    const result = await work()
    const ms = performance.now() - start
    const entry = {
      name,
      count,
      ms: Math.round(ms),
      perSecond: Math.round(count / (ms / 1000 || 1)),
    }
    phases.push(entry)
    log(
      `${name}: ${count.toLocaleString('en')} in ${(ms / 1000).toFixed(1)} s (${entry.perSecond.toLocaleString('en')}/s)`,
    )
    return result
  }
  const progress = (total: number) => (done: number) => {
    if (done % 2_000 === 0 && done < total)
      log(`  … ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`)
  }

  const accounts = await phase('users', 4, () =>
    createAccounts(payload, options.password ?? 'bench-password'),
  )
  const desk = deskOf(accounts)
  const authors = await phase('authors', options.authors, () =>
    writeAuthors(writer, random, options.authors, desk),
  )
  const sources = await phase('sources', options.sources, () =>
    writeSources(writer, random, options.sources),
  )

  const newsroom: Newsroom = {
    random,
    pool: paragraphPool(random, 3_000),
    authors: authors.map(({ id, user }) => ({ id, user })),
    sources: sources.map((source) => source.id),
    desk,
    slugs: new Set(),
    now,
  }
  const published = await phase('published articles', options.articles, () =>
    writeArticles(writer, newsroom, Array(options.articles).fill('published'), {
      publishedAt: publicationTimes(random, options.articles, now, options.years ?? 6),
      progress: progress(options.articles),
    }),
  )
  const approved = await phase('approved articles', options.approvedReady, () =>
    writeArticles(writer, newsroom, Array(options.approvedReady).fill('approved')),
  )
  const unpublished = await phase('unpublished articles', options.drafts, () =>
    writeArticles(
      writer,
      newsroom,
      Array.from({ length: options.drafts }, () => weighted(random, UNPUBLISHED_STATES)),
      { progress: progress(options.drafts) },
    ),
  )
  const comments = await phase('comments', options.comments, () =>
    writeComments(writer, random, published.articles, {
      total: options.comments,
      approvedShare: options.approvedShare,
      moderator: desk.editor,
      now,
    }),
  )
  await writer.finish()
  // Written below the hooks, so the public pages are rendered here, as a deploy's rebuild would.
  await phase('public pages', options.articles, () => rebuildPublicPages(payload))

  const { byStatus } = comments
  const articleCount =
    published.articles.length + approved.articles.length + unpublished.articles.length
  const summary: SeedSummary = {
    adapter: writer.kind,
    writes: writer.mode,
    elapsedMs: Math.round(performance.now() - started),
    phases,
    counts: {
      users: 4,
      authors: authors.length,
      sources: sources.length,
      published: published.articles.length,
      drafts: unpublished.articles.length,
      approvedReady: approved.articles.length,
      articleVersions: articleCount,
      workflowEvents: published.events + approved.events + unpublished.events,
      comments: byStatus.pending + byStatus.approved + byStatus.rejected + byStatus.spam,
      commentsApproved: byStatus.approved,
      commentsPending: byStatus.pending,
      commentsSpam: byStatus.spam,
      commentsRejected: byStatus.rejected,
      replies: comments.replies,
    },
    users: accounts,
    publishedIds: published.articles.map((article) => article.id),
    publishedSlugs: published.articles.map((article) => article.slug),
    draftIds: unpublished.articles.map((article) => article.id),
    draftSlugs: unpublished.articles.map((article) => article.slug),
    approvedReadyIds: approved.articles.map((article) => article.id),
    approvedReadySlugs: approved.articles.map((article) => article.slug),
    authorSlugs: authors.map((author) => author.slug),
    sourceSlugs: sources.map((source) => source.slug),
    tags: [...new Set([...published.tags, ...approved.tags, ...unpublished.tags])].sort(),
    mostCommented: comments.perArticle.sort((a, b) => b.comments - a.comments).slice(0, 20),
  }
  const seconds = summary.elapsedMs / 1000
  log(
    `seeded ${articleCount.toLocaleString('en')} articles and ${summary.counts.comments.toLocaleString('en')} comments ` +
      `in ${seconds.toFixed(1)} s on ${writer.kind} (${writer.mode} writes, ${Math.round(articleCount / seconds).toLocaleString('en')} articles/s)`,
  )
  return summary
}
