import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, User } from '../../src/payload-types'
import { body, createArticle, createAuthor, createUser, publish } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

/** Slugs made by the slug field, through the Local API as an editor (`overrideAccess: false`). */

let payload: Payload
let editor: User
let author: Author

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createUser(payload, ['editor'])
  author = await createAuthor(payload, { name: 'Łucja Wróbel' })
})

const draft = (data: Partial<Article>) =>
  payload.create({
    collection: 'articles',
    data: {
      dek: 'Standfirst',
      body: body('A paragraph.'),
      authors: [author.id],
      ...data,
    } as Article,
    draft: true,
    user: editor,
    overrideAccess: false,
  })

const refusal = (error: unknown) => {
  const { status, data } = error as {
    status?: number
    data?: { errors?: { path: string; message: string }[] }
  }
  return { status, errors: data?.errors?.map(({ path, message }) => ({ path, message })) }
}

describe('slugs from titles in any script', () => {
  it('derives a Latin slug from a Polish name and from Cyrillic and Greek titles (Cyrillic was a 400)', async () => {
    expect(author.slug).toBe('lucja-wrobel')
    expect((await draft({ title: 'Москва сегодня' })).slug).toBe('moskva-segodnya')
    expect((await draft({ title: 'Αθήνα σήμερα' })).slug).toBe('athina-simera')
  })

  it('refuses a title with nothing to spell in Latin and no slug with a 400 on the slug field naming the title', async () => {
    const error = await draft({ title: '東京タワー' }).catch((e) => e)
    expect(refusal(error)).toEqual({
      status: 400,
      errors: [
        {
          path: 'slug',
          message:
            'No slug can be made from the title "東京タワー": it has no letters or digits with a Latin spelling (as in Chinese, Japanese, Korean or emoji); enter a slug.',
        },
      ],
    })
    expect((await draft({ title: '東京タワー', slug: 'Tokyo Tower' })).slug).toBe('tokyo-tower')
  })

  it('refuses a slug of emoji with a 400 on the slug field', async () => {
    const error = await draft({ title: 'Launch day', slug: '🚀🚀' }).catch((e) => e)
    expect(refusal(error)).toEqual({
      status: 400,
      errors: [
        {
          path: 'slug',
          message:
            'The slug "🚀🚀" has no letters or digits with a Latin spelling; use lowercase letters, digits and hyphens.',
        },
      ],
    })
  })
})

describe('the slug of a published article', () => {
  it('stays when the article is renamed, by the title alone or with the whole document as the admin form sends it', async () => {
    const live = await createArticle(
      payload,
      { title: 'Łódź mayor resigns', authors: [author.id] },
      'published',
    )
    expect(live).toMatchObject({ slug: 'lodz-mayor-resigns', _status: 'published' })

    const rename = (data: Partial<Article>) =>
      payload.update({
        collection: 'articles',
        id: live.id,
        data,
        draft: true,
        user: editor,
        overrideAccess: false,
      })
    expect((await rename({ title: 'Łódź mayor resigns after vote' })).slug).toBe(
      'lodz-mayor-resigns',
    )
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...whole
    } = await payload.findByID({ collection: 'articles', id: live.id, draft: true, depth: 0 })
    expect((await rename({ ...whole, title: 'Mayor of Łódź steps down' })).slug).toBe(
      'lodz-mayor-resigns',
    )

    // Published again, the new title lives at the old address.
    const republished = await publish(payload, live.id)
    expect(republished).toMatchObject({
      title: 'Mayor of Łódź steps down',
      slug: 'lodz-mayor-resigns',
      _status: 'published',
    })
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: 'lodz-mayor-resigns' } },
      depth: 0,
    })
    expect(docs.map((doc) => doc.title)).toEqual(['Mayor of Łódź steps down'])
  })
})
