/**
 * Article documents as the review workflow leaves them: the workflow fields agree with `_status`
 * and with the audit trail, exactly as src/services/workflow/transition.ts would have set them on
 * the way (submit → approve → publish). Pure: ids and dates come in, documents come out.
 */
import { randomUUID } from 'node:crypto'

import { blocksOf } from '../../src/lib/lexical'
import { slugify } from '../../src/lib/slugify'
import type { WorkflowEvent } from '../../src/payload-types'
import { contentHash, type ReviewState } from '../../src/workflow'
import { articleBody, articleText, tagsFor, type Paragraph } from './content'
import type { Random } from './random'

export type Id = number | string

/** The states the seed leaves articles in. `approved` articles are the ones the harness publishes. */
export type SeedState = Extract<
  ReviewState,
  'published' | 'approved' | 'draft' | 'in_review' | 'changes_requested'
>

export type Desk = { admin: Id; publisher: Id; editor: Id; contributor: Id }

export type Newsroom = {
  random: Random
  pool: Paragraph[]
  authors: { id: Id; user?: Id }[]
  sources: Id[]
  desk: Desk
  /** Slugs taken so far (articles are unique by slug). */
  slugs: Set<string>
  now: number
}

export type ArticleDoc = Record<string, unknown> & {
  id: Id
  slug: string
  title: string
  _status: 'published' | 'draft'
}
export type EventDoc = Record<string, unknown> & { article: Id; seq: number }

const HOUR = 3_600_000
const DAY = 24 * HOUR
const iso = (ms: number) => new Date(ms).toISOString()
const between = (random: Random, from: number, to: number) =>
  Math.round(from + random.next() * Math.max(0, to - from))

/** Lower indexes are picked more often: a few prolific authors, a few much-quoted sources. */
const skewed = <T>(random: Random, items: readonly T[]) =>
  items[Math.floor(random.next() ** 2 * items.length)]

function uniqueSlug(slugs: Set<string>, title: string): string {
  const base = slugify(title)
  let slug = base
  for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`
  slugs.add(slug)
  return slug
}

type Step = {
  action: WorkflowEvent['action']
  from: ReviewState
  to: ReviewState
  actor: Id
  at: number
  note?: string
}

/**
 * One article in `state`. `publishedAt` (published articles) fixes the dates of the review steps
 * before it; other states are dated in the weeks before `now`.
 */
export function buildArticle(
  newsroom: Newsroom,
  id: Id,
  state: SeedState,
  publishedAt?: number,
): { doc: ArticleDoc; events: EventDoc[] } {
  const { random, desk, now } = newsroom
  const { title, dek, subjectTags } = articleText(random)
  const slug = uniqueSlug(newsroom.slugs, title)

  const authorCount = random.chance(0.7) ? 1 : random.chance(0.7) ? 2 : 3
  const authors = [
    ...new Set(Array.from({ length: authorCount }, () => skewed(random, newsroom.authors))),
  ]
  const quoted = Array.from({ length: random.int(1, 3) }, () => skewed(random, newsroom.sources))
  const body = articleBody(random, newsroom.pool, quoted)
  // As includeCitedSources leaves it: every cited source, plus sometimes one added by hand.
  const cited = blocksOf(body, 'quote').map((quote) => quote.source as Id)
  const sources = [
    ...new Set([...(random.chance(0.2) ? [random.pick(newsroom.sources)] : []), ...cited]),
  ]

  // Contributors submit their own pieces; the desk's editor submits the rest.
  const submitter = authors.some((author) => author.user === desk.contributor)
    ? desk.contributor
    : desk.editor
  // Four-eyes: the approver is never an author nor the submitter. The publisher approves what was
  // published; the `approved` articles were approved by the admin, so the publisher who publishes
  // them during the benchmark is neither their author nor their approver.
  const approver = state === 'approved' ? desk.admin : desk.publisher

  const end = publishedAt ?? now - between(random, HOUR, 3 * DAY)
  const createdAt = publishedAt
    ? end - between(random, 2 * HOUR, 3 * DAY)
    : end - between(random, 3 * HOUR, 40 * DAY)
  const submittedAt = between(
    random,
    createdAt + 0.2 * (end - createdAt),
    createdAt + 0.5 * (end - createdAt),
  )
  const reviewedAt = between(random, submittedAt + 0.3 * (end - submittedAt), end - 60_000)

  const steps: Step[] = []
  if (state !== 'draft')
    steps.push({
      action: 'submit',
      from: 'draft',
      to: 'in_review',
      actor: submitter,
      at: submittedAt,
    })
  if (state === 'changes_requested') {
    steps.push({
      action: 'request_changes',
      from: 'in_review',
      to: 'changes_requested',
      actor: desk.editor,
      at: reviewedAt,
      note: 'Please add a second source for the figures and tighten the standfirst.',
    })
  }
  if (state === 'approved' || state === 'published') {
    steps.push({
      action: 'approve',
      from: 'in_review',
      to: 'approved',
      actor: approver,
      at: reviewedAt,
    })
  }
  if (state === 'published')
    steps.push({
      action: 'publish',
      from: 'approved',
      to: 'published',
      actor: desk.publisher,
      at: end,
    })

  const content = {
    title,
    slug,
    dek,
    body,
    heroImage: null,
    authors: authors.map((author) => author.id),
    sources,
    tags: tagsFor(random, subjectTags),
  }
  const submitted = state !== 'draft'
  const approved = state === 'approved' || state === 'published'
  // What `publish` re-checks against the article as it loads it (relations as ids); the events
  // record it too. Computed once: it is the costliest step of building an article.
  const hash = submitted ? contentHash(content) : null
  const doc: ArticleDoc = {
    id,
    ...content,
    publishedAt: publishedAt ? iso(publishedAt) : null,
    commentsEnabled: random.chance(0.95),
    originalUrl: null,
    importKey: null,
    _status: state === 'published' ? 'published' : 'draft',
    reviewState: state,
    submittedBy: submitted ? submitter : null,
    submittedAt: submitted ? iso(submittedAt) : null,
    editedSinceSubmit: [],
    approvedBy: approved ? approver : null,
    approvedAt: approved ? iso(reviewedAt) : null,
    approvedHash: approved ? hash : null,
    publishAt: null,
    scheduleJob: null,
    scheduleError: null,
    previewNonce: state === 'published' ? randomUUID() : null,
    createdAt: iso(createdAt),
    updatedAt: iso(
      steps.at(-1)?.at ?? Math.min(now, createdAt + between(random, 10 * 60_000, 2 * DAY)),
    ),
  }
  const events: EventDoc[] = steps.map((step, index) => ({
    article: id,
    articleTitle: title,
    seq: index + 1,
    action: step.action,
    from: step.from,
    to: step.to,
    actor: step.actor,
    note: step.note ?? null,
    contentHash: hash,
    createdAt: iso(step.at),
    updatedAt: iso(step.at),
  }))
  return { doc, events }
}

/** `count` publication times spread over the last `years` years, oldest first (ids follow dates). */
export function publicationTimes(
  random: Random,
  count: number,
  now: number,
  years: number,
): number[] {
  return Array.from(
    { length: count },
    () => now - DAY - Math.floor(random.next() * years * 365 * DAY),
  ).sort((a, b) => a - b)
}
