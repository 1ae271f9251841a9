/** bench/seed.ts's newsroom, sized for the benchmark and summarised as the Dataset the scenarios use. */
import type { Payload } from 'payload'

import type { Dataset } from './dataset'
import { LARGE, SMALL, STANDARD, seedNewsroom, type SizeOptions } from './seed'

export type FixtureOptions = { articles: number; approvedReady: number; drafts: number }

/** The seed's presets at 1,000, 10,000 and 100,000 articles; other sizes take the nearest preset's proportions. */
function sizeFor({ articles, approvedReady, drafts }: FixtureOptions): SizeOptions {
  const preset = articles <= SMALL.articles ? SMALL : articles >= LARGE.articles ? LARGE : STANDARD
  const scale = articles / preset.articles
  return {
    ...preset,
    articles,
    drafts: Math.max(drafts, Math.round(preset.drafts * scale)),
    comments: Math.round(preset.comments * scale),
    approvedReady: Math.max(approvedReady, preset.approvedReady),
  }
}

export async function seed(
  payload: Payload,
  options: FixtureOptions,
): Promise<Omit<Dataset, 'listingIndexes'>> {
  const summary = await seedNewsroom(payload, {
    ...sizeFor(options),
    log: (line) => console.log(`  seed: ${line}`),
  })
  const login = (role: keyof typeof summary.users) => ({
    email: summary.users[role].email,
    password: summary.users[role].password,
  })
  return {
    articles: summary.counts.published,
    seedMs: summary.elapsedMs,
    counts: summary.counts,
    publishedSlugs: summary.publishedSlugs,
    publishedIds: summary.publishedIds,
    draftIds: summary.draftIds,
    authorSlugs: summary.authorSlugs,
    sourceSlugs: summary.sourceSlugs,
    tags: summary.tags,
    approvedReadyIds: summary.approvedReadyIds,
    users: { admin: login('admin'), publisher: login('publisher'), editor: login('editor') },
  }
}
