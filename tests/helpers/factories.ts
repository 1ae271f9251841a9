import type { Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import { richText, type BodyPart } from '../../src/lib/richText'
import type { Article, Author, Source, User } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'

export const PASSWORD = 'test-password-123'

let counter = 0
const next = () => ++counter

/** A user with the given roles (created as the server would, bypassing access). */
export async function createUser(payload: Payload, roles: Role[], name?: string): Promise<User> {
  const n = next()
  return payload.create({
    collection: 'users',
    data: {
      email: `${roles.join('-') || 'nobody'}-${n}@example.test`,
      password: PASSWORD,
      name: name ?? `${roles[0]} ${n}`,
      roles,
    },
  })
}

export async function createAuthor(payload: Payload, data: Partial<Author> = {}): Promise<Author> {
  const n = next()
  return payload.create({ collection: 'authors', data: { name: `Author ${n}`, ...data } })
}

export async function createSource(payload: Payload, data: Partial<Source> = {}): Promise<Source> {
  const n = next()
  return payload.create({
    collection: 'sources',
    data: { name: `Source ${n}`, kind: 'news_agency', ...data },
  })
}

export const body = (...parts: BodyPart[]) => richText(...parts) as Article['body']

const crews = new WeakMap<Payload, Promise<{ editor: User; publisher: User }>>()

/** An editor and a publisher who are nobody's authors, to move articles through review. */
export function desk(payload: Payload) {
  if (!crews.has(payload)) {
    crews.set(
      payload,
      (async () => ({
        editor: await createUser(payload, ['editor']),
        publisher: await createUser(payload, ['publisher']),
      }))(),
    )
  }
  return crews.get(payload)!
}

/** Submits, approves and publishes through the real workflow. */
export async function publish(payload: Payload, id: Article['id']): Promise<Article> {
  const { editor, publisher } = await desk(payload)
  await transitionAs(payload, editor, { id, action: 'submit' })
  await transitionAs(payload, publisher, { id, action: 'approve' })
  await transitionAs(payload, publisher, { id, action: 'publish' })
  return payload.findByID({ collection: 'articles', id, depth: 0 })
}

/** A draft article (saved server-side), published through the workflow when asked. */
export async function createArticle(
  payload: Payload,
  data: Partial<Article> & { authors: Article['authors'] },
  status: 'draft' | 'published' = 'draft',
): Promise<Article> {
  const n = next()
  const draft = await payload.create({
    collection: 'articles',
    draft: true,
    data: {
      title: `Article ${n}`,
      dek: `Standfirst ${n}`,
      body: body(`Paragraph of article ${n}.`),
      ...data,
    },
  })
  return status === 'published' ? publish(payload, draft.id) : draft
}
