import type { Payload } from 'payload'

import { richText } from '../lib/richText'
import type { Article } from '../payload-types'
import { DEMO_ARTICLES, DEMO_AUTHORS, DEMO_COMMENTS, DEMO_SOURCES, DEMO_USERS } from './demoContent'

const DAY = 24 * 60 * 60 * 1000

/** Seeds the demo newsroom into an empty database; returns false (and writes nothing) otherwise. */
export async function seedDemo(payload: Payload, password: string): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return false

  const users = new Map<string, number>()
  for (const user of DEMO_USERS) {
    const created = await payload.create({ collection: 'users', data: { ...user, password } })
    users.set(user.email, created.id)
  }
  const authors = new Map<string, number>()
  for (const { user, ...author } of DEMO_AUTHORS) {
    const created = await payload.create({ collection: 'authors', data: { ...author, user: user ? users.get(user) : undefined } })
    authors.set(author.name, created.id)
  }
  const sources = new Map<string, number>()
  for (const source of DEMO_SOURCES) {
    const created = await payload.create({ collection: 'sources', data: { ...source } })
    sources.set(source.name, created.id)
  }

  const articleIds: number[] = []
  for (const { authors: names, body, state, daysAgo, ...article } of DEMO_ARTICLES) {
    const parts = body.map((part) => (typeof part === 'string' ? part : { quote: part.quote, source: sources.get(part.source)! }))
    const created = await payload.create({
      collection: 'articles',
      draft: state === 'draft',
      data: {
        ...article,
        authors: names.map((name) => authors.get(name)!),
        body: richText(...parts) as Article['body'],
        _status: state,
        ...(state === 'published' ? { publishedAt: new Date(Date.now() - daysAgo * DAY).toISOString() } : {}),
      },
    })
    articleIds.push(created.id)
  }

  const [first] = articleIds
  let approved: number | undefined
  for (const comment of DEMO_COMMENTS) {
    const created = await payload.create({ collection: 'comments', data: { ...comment, article: first } })
    if (comment.status === 'approved') approved ??= created.id
  }
  await payload.create({
    collection: 'comments',
    data: { article: first, parent: approved, authorName: 'Maya Okafor', body: 'Thanks, Priya. The N3 is exactly the route I had in mind.', status: 'approved' },
  })
  return true
}
