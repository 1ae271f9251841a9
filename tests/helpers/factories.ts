import type { Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import { richText, type BodyPart } from '../../src/lib/richText'
import type { Article, Author, Source, User } from '../../src/payload-types'

export const PASSWORD = 'test-password-123'

let counter = 0
const next = () => ++counter

/** A user with the given roles (created as the server would, bypassing access). */
export async function createUser(payload: Payload, roles: Role[], name?: string): Promise<User> {
  const n = next()
  return payload.create({
    collection: 'users',
    data: { email: `${roles.join('-') || 'nobody'}-${n}@example.test`, password: PASSWORD, name: name ?? `${roles[0]} ${n}`, roles },
  })
}

export async function createAuthor(payload: Payload, data: Partial<Author> = {}): Promise<Author> {
  const n = next()
  return payload.create({ collection: 'authors', data: { name: `Author ${n}`, ...data } })
}

export async function createSource(payload: Payload, data: Partial<Source> = {}): Promise<Source> {
  const n = next()
  return payload.create({ collection: 'sources', data: { name: `Source ${n}`, kind: 'news_agency', ...data } })
}

export const body = (...parts: BodyPart[]) => richText(...parts) as Article['body']

/** An article saved directly in the given Payload status (server-side, for arranging tests). */
export async function createArticle(
  payload: Payload,
  data: Partial<Article> & { authors: Article['authors'] },
  status: 'draft' | 'published' = 'draft',
): Promise<Article> {
  const n = next()
  return payload.create({
    collection: 'articles',
    draft: status === 'draft',
    data: {
      title: `Article ${n}`,
      dek: `Standfirst ${n}`,
      body: body(`Paragraph of article ${n}.`),
      _status: status,
      ...(status === 'published' ? { publishedAt: new Date().toISOString() } : {}),
      ...data,
    },
  })
}
