import type { Payload, Where } from 'payload'

import { ARTICLES } from '../../collections/slugs'
import {
  listPage,
  type ListedArticle,
  type ListFilter,
  type ListQuery,
  type PublicList,
} from './types'

const LIST_SELECT = {
  title: true,
  slug: true,
  dek: true,
  publishedAt: true,
  heroImage: true,
  authors: true,
} as const
const LIST_POPULATE = { authors: { name: true, slug: true } } as const

function listWhere({ author, source, tag }: ListFilter): Where {
  const and: Where[] = [{ _status: { equals: 'published' } }]
  if (author !== undefined) and.push({ 'authors.slug': { equals: author } })
  if (source !== undefined) and.push({ 'sources.slug': { equals: source } })
  if (tag !== undefined) and.push({ tags: { equals: tag } })
  return { and }
}

/** The list through Payload's Local API with the public's access: works on every adapter. */
export async function listThroughPayload(payload: Payload, query: ListQuery): Promise<PublicList> {
  const found = await payload.find({
    collection: ARTICLES,
    where: listWhere(query),
    select: LIST_SELECT,
    populate: LIST_POPULATE,
    sort: '-publishedAt',
    depth: 1,
    limit: query.limit,
    page: query.page,
    overrideAccess: false,
  })
  return listPage(found.docs as unknown as ListedArticle[], query, found.hasNextPage)
}
