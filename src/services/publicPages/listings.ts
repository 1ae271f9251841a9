import type { Article, Author, Source } from '../../payload-types'
import type { ListedArticle, ListFilter } from './types'

/**
 * Which public lists an article is on, and its card there. (No Payload import: unit-tested.)
 * The keys are what GET /api/public/articles filters by: every article is on `all`, and on
 * `author:<slug>`, `source:<slug>` and `tag:<tag>` for each of its authors, sources and tags.
 */
export const ALL = 'all'

/** The lists a filtered page draws from: one key per filter given, `all` for none. */
export function listKeys({ author, source, tag }: ListFilter): string[] {
  const keys = [
    ...(author !== undefined ? [`author:${author}`] : []),
    ...(source !== undefined ? [`source:${source}`] : []),
    ...(tag !== undefined ? [`tag:${tag}`] : []),
  ]
  return keys.length ? keys : [ALL]
}

const slugsOf = (items: (number | string | { slug?: string | null })[] | null | undefined) =>
  (items ?? []).flatMap((item) => (typeof item === 'object' && item.slug ? [item.slug] : []))

export function listsOf(article: Article): string[] {
  const keys = [
    ALL,
    ...slugsOf(article.authors as (number | Author)[]).flatMap((author) => listKeys({ author })),
    ...slugsOf(article.sources as (number | Source)[] | null).flatMap((source) =>
      listKeys({ source }),
    ),
    ...(article.tags ?? []).flatMap((tag) => listKeys({ tag })),
  ]
  return [...new Set(keys)]
}

/** The card a list shows: title, slug, standfirst, publication date, hero image, authors. */
export function cardOf(article: Article): ListedArticle {
  return {
    id: article.id,
    title: article.title,
    slug: article.slug,
    dek: article.dek,
    publishedAt: article.publishedAt,
    heroImage: article.heroImage ?? null,
    authors: (article.authors ?? []).map((author) =>
      typeof author === 'object' ? { id: author.id, name: author.name, slug: author.slug } : author,
    ),
  }
}
