import type { Payload, Where } from 'payload'

import { body, createArticle, createAuthor, createSource } from './factories'

/** The author and source every article of the query-plan archive names. */
export type PlanArchive = { authorSlug: string; sourceSlug: string }

/**
 * The small archive the query-plan tests (SQLite's and PostgreSQL's) plan against: 30 articles by
 * one author citing one source, two tags, a third of them drafts.
 */
export async function seedPlanArchive(payload: Payload): Promise<PlanArchive> {
  const author = await createAuthor(payload, { name: 'Plan Author' })
  const source = await createSource(payload, { name: 'Plan Source' })
  for (let i = 0; i < 30; i++) {
    await createArticle(
      payload,
      {
        authors: [author.id],
        tags: i % 2 ? ['economy'] : ['culture'],
        body: body('Text', { quote: 'Q', source: source.id }),
      },
      i % 3 ? 'published' : 'draft',
    )
  }
  return { authorSlug: author.slug!, sourceSlug: source.slug! }
}

/** The public lists both test, as Payload filters, read once the archive is seeded. */
export const publicListings = (archive: () => PlanArchive): [string, () => Where | undefined][] => [
  ['the newest published articles', () => undefined],
  ['articles with a tag', () => ({ tags: { equals: 'economy' } })],
  ['articles by an author slug', () => ({ 'authors.slug': { equals: archive().authorSlug } })],
  ['articles citing a source slug', () => ({ 'sources.slug': { equals: archive().sourceSlug } })],
  [
    'articles published in a date range',
    () => ({ publishedAt: { greater_than: '2020-01-01', less_than: '2100-01-01' } }),
  ],
]
