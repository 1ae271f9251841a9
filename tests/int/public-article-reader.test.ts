import type { Client } from '@libsql/client'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'
import { readFromSqlite } from '../../src/services/publicArticle/fromSqlite'
import { readThroughPayload } from '../../src/services/publicArticle/throughPayload'
import { transitionAs } from '../../src/services/workflow/transition'
import {
  body,
  createArticle,
  createAuthor,
  createSource,
  createUser,
  desk,
} from '../helpers/factories'
import { getTestPayload, usingMongo } from '../helpers/payload'

let payload: Payload
let client: Client
const pages: Article[] = []
const json = (value: unknown) => JSON.parse(JSON.stringify(value))

if (usingMongo())
  console.log(
    'public-article-reader: skipped on MongoDB — the lean reader is for SQLite; MongoDB pages come through Payload.',
  )

describe.skipIf(usingMongo())('the lean SQLite reader of article pages', () => {
  beforeAll(async () => {
    payload = await getTestPayload()
    client = (payload.db as unknown as { client: Client }).client
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    const photo = await payload.create({
      collection: 'media',
      data: { alt: 'Portrait', credit: 'Staff' },
      file: { data: png, mimetype: 'image/png', name: 'portrait.png', size: png.length },
    })
    const linked = await createAuthor(payload, {
      name: 'Lena Linked',
      bio: 'Writes about harbours.',
      photo: photo.id,
      links: [
        { label: 'Site', url: 'https://lena.example' },
        { label: 'Feed', url: 'https://lena.example/feed' },
      ],
    })
    const plain = await createAuthor(payload, { name: 'Pat Plain' })
    const wire = await createSource(payload, {
      name: 'Harbour Wire',
      url: 'https://wire.example',
      notes: 'Agency.',
    })
    const ministry = await createSource(payload, { name: 'Ministry of Ports', kind: 'government' })
    const listedOnly = await createSource(payload, { name: 'Quarterly Review', kind: 'magazine' })

    pages.push(
      await createArticle(
        payload,
        {
          title: 'Full page',
          dek: 'Everything at once',
          tags: ['economy', 'ports'],
          authors: [plain.id, linked.id],
          sources: [listedOnly.id],
          heroImage: photo.id,
          body: body(
            'Opening.',
            { quote: 'We will build.', source: wire.id, url: 'https://wire.example/1' },
            'Middle.',
            {
              quote: 'Not yet.',
              source: ministry.id,
            },
          ),
        },
        'published',
      ),
      await createArticle(
        payload,
        { title: 'Bare page', authors: [plain.id], body: body('Only text.') },
        'published',
      ),
    )
    const [full] = pages
    const first = await payload.create({
      collection: 'comments',
      data: {
        article: full.id,
        authorName: 'Ann',
        authorEmail: 'ann@example.test',
        body: 'First!',
        status: 'approved',
      },
    })
    await payload.create({
      collection: 'comments',
      data: {
        article: full.id,
        parent: first.id,
        authorName: 'Bo',
        authorEmail: 'bo@example.test',
        body: 'Reply',
        status: 'approved',
      },
    })
    for (const status of ['pending', 'spam', 'rejected'] as const) {
      await payload.create({
        collection: 'comments',
        data: {
          article: full.id,
          authorName: 'Cy',
          authorEmail: 'cy@example.test',
          body: `Hidden ${status}`,
          status,
        },
      })
    }
    // A live article with a newer revision in review: the page shows the live version.
    const { editor } = await desk(payload)
    const revised = await createArticle(
      payload,
      { title: 'Live version', authors: [linked.id], body: body('Live.') },
      'published',
    )
    await payload.update({
      collection: 'articles',
      id: revised.id,
      data: { title: 'Revision in review' },
      user: editor,
      overrideAccess: false,
    })
    await transitionAs(payload, editor, { id: revised.id, action: 'submit' })
    pages.push(revised)
    await createUser(payload, ['contributor'])
  })

  it('builds exactly the page Payload builds for the public, field for field', async () => {
    for (const page of pages) {
      const lean = await readFromSqlite(payload, client, page.slug!)
      const reference = await readThroughPayload(payload, page.slug!)
      expect(lean).not.toBeUndefined()
      expect(json(lean)).toEqual(json(reference))
    }
    const full = json(await readFromSqlite(payload, client, pages[0].slug!))
    expect(full.authors.map((a: { name: string }) => a.name)).toEqual(['Pat Plain', 'Lena Linked'])
    expect(full.comments).toMatchObject([{ authorName: 'Ann', replies: [{ authorName: 'Bo' }] }])
    expect(JSON.stringify(full)).not.toMatch(/Hidden|ann@example|reviewState|importKey/)
    expect(json(await readFromSqlite(payload, client, pages[2].slug!)).title).toBe('Live version')
  })

  it('finds nothing for a draft, an unknown slug or an unpublished article', async () => {
    const [author] = (await payload.find({ collection: 'authors', limit: 1 })).docs
    const draft = await createArticle(payload, { title: 'Only a draft', authors: [author.id] })
    const pulled = await createArticle(
      payload,
      { title: 'Pulled', authors: [author.id] },
      'published',
    )
    const { publisher } = await desk(payload)
    await transitionAs(payload, publisher, { id: pulled.id, action: 'unpublish' })
    for (const slug of [draft.slug!, pulled.slug!, 'no-such-article']) {
      expect(await readFromSqlite(payload, client, slug)).toBeNull()
      expect(await readThroughPayload(payload, slug)).toBeNull()
    }
  })

  it('leaves a page whose body embeds an upload to Payload', async () => {
    const [author] = (await payload.find({ collection: 'authors', limit: 1 })).docs
    const [media] = (await payload.find({ collection: 'media', limit: 1 })).docs
    const withUpload = body('Picture below.') as { root: { children: unknown[] } }
    withUpload.root.children.push({
      type: 'upload',
      relationTo: 'media',
      value: media.id,
      fields: null,
      format: '',
      version: 3,
    })
    const page = await createArticle(
      payload,
      { title: 'Pictured', authors: [author.id], body: withUpload as Article['body'] },
      'published',
    )
    expect(await readFromSqlite(payload, client, page.slug!)).toBeUndefined()
  })
})
