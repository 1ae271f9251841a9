import { createLocalReq, type Payload } from 'payload'
import sharp from 'sharp'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Article, Author, Media, Source } from '../../src/payload-types'
import { publicReads } from '../../src/db/publicReads'
import { cardOf, listsOf } from '../../src/services/publicPages/listings'
import { readPublicArticle } from '../../src/services/publicPages/read'
import { rebuildPublicPages } from '../../src/services/publicPages/render'
import { queuePublicPages, RENDERED_AT_ONCE } from '../../src/services/publicPages/task'
import { MAX_COMMENTS } from '../../src/services/publicPages/types'
import { transitionAs } from '../../src/services/workflow/transition'
import {
  body,
  createArticle,
  createAuthor,
  createSource,
  createUser,
  desk,
} from '../helpers/factories'
import { runDueJobs } from '../helpers/jobs'
import { getTestPayload } from '../helpers/payload'

/**
 * The public read model (src/services/publicPages): every published article's page is what
 * Payload renders for an anonymous reader, stored when the change commits; nothing else is stored.
 */

let payload: Payload
let photo: Media
let linked: Author
let plain: Author
let wire: Source
let ministry: Source
const pages: Article[] = []
const json = (value: unknown) => JSON.parse(JSON.stringify(value))
/** The public article page, as its JSON answer parses; null when not public. */
const publicPage = async (slug: string) => {
  const text = await readPublicArticle(payload, slug)
  return text === null ? null : JSON.parse(text)
}

/** What Payload renders for an anonymous reader: the reference every stored page must equal. */
async function anonymousRender(id: Article['id']): Promise<Article | undefined> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { equals: id } },
    depth: 1,
    overrideAccess: false,
  })
  return docs[0]
}

async function storedPages() {
  return (await payload.find({ collection: 'public-pages', pagination: false, limit: 0, depth: 0 }))
    .docs
}

async function storedListings(article: Article['id']) {
  return (
    await payload.find({
      collection: 'public-listings',
      where: { article: { equals: String(article) } },
      pagination: false,
      limit: 0,
      depth: 0,
    })
  ).docs
}

/** For every article: a page exactly when public, equal to the anonymous render, with its cards. */
async function expectReadModelInStep(): Promise<void> {
  const all = (
    await payload.find({ collection: 'articles', pagination: false, limit: 0, depth: 0 })
  ).docs
  const stored = await storedPages()
  const publicIds: string[] = []
  for (const article of all) {
    const reference = await anonymousRender(article.id)
    const page = stored.find((candidate) => candidate.article === String(article.id))
    const listings = await storedListings(article.id)
    if (!reference) {
      expect(page, `${article.title} is not public`).toBeUndefined()
      expect(listings, `${article.title} is on no list`).toEqual([])
      continue
    }
    publicIds.push(String(article.id))
    expect(page, `${article.title} has a page`).toBeDefined()
    expect(json(page!.document), article.title).toEqual(json(reference))
    expect(page!.slug).toBe(reference.slug)
    expect(listings.map((listing) => listing.list).sort()).toEqual(listsOf(reference).sort())
    for (const listing of listings) expect(json(listing.card)).toEqual(json(cardOf(reference)))
  }
  // Nothing else: no page of an article that is gone or not public.
  expect(stored.map((page) => page.article).sort()).toEqual(publicIds.sort())
}

beforeAll(async () => {
  payload = await getTestPayload()
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  photo = await payload.create({
    collection: 'media',
    data: { alt: 'Portrait', credit: 'Staff' },
    file: { data: png, mimetype: 'image/png', name: 'portrait.png', size: png.length },
  })
  linked = await createAuthor(payload, {
    name: 'Lena Linked',
    bio: 'Writes about harbours.',
    photo: photo.id,
    links: [{ label: 'Site', url: 'https://lena.example' }],
  })
  plain = await createAuthor(payload, { name: 'Pat Plain' })
  wire = await createSource(payload, { name: 'Harbour Wire', url: 'https://wire.example' })
  ministry = await createSource(payload, { name: 'Ministry of Ports', kind: 'government' })
  const listedOnly = await createSource(payload, { name: 'Quarterly Review', kind: 'magazine' })

  pages.push(
    await createArticle(
      payload,
      {
        title: 'Full page',
        tags: ['economy', 'ports'],
        authors: [plain.id, linked.id],
        sources: [listedOnly.id],
        heroImage: photo.id,
        body: body(
          'Opening.',
          { quote: 'We will build.', source: wire.id, url: 'https://wire.example/1' },
          'Middle.',
          { quote: 'Not yet.', source: ministry.id },
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
  // A draft that is never public.
  await createArticle(payload, { title: 'Only a draft', authors: [plain.id] })
  await createUser(payload, ['contributor'])
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the public read model', () => {
  it('stores for every published article exactly what Payload renders for an anonymous reader, and nothing else', async () => {
    await expectReadModelInStep()
  })

  it('serves the stored page with its approved comments threaded, the live version, and nothing private', async () => {
    const full = await publicPage(pages[0].slug!)
    expect(full.authors.map((a: { name: string }) => a.name)).toEqual(['Pat Plain', 'Lena Linked'])
    expect(full.comments).toMatchObject([{ authorName: 'Ann', replies: [{ authorName: 'Bo' }] }])
    expect(JSON.stringify(full)).not.toMatch(
      /Hidden|ann@example|reviewState|importKey|previewNonce/,
    )
    expect((await publicPage(pages[2].slug!))?.title).toBe('Live version')
    expect(await publicPage('no-such-article')).toBeNull()
  })

  it('shows the comments Payload shows an anonymous reader of the article, with the same fields', async () => {
    const article = pages[0]
    const stored = await publicReads(payload).page(article.slug!)
    expect(stored?.article).toEqual(article.id)
    const ours = await publicReads(payload).approvedComments(article.id, MAX_COMMENTS)
    const anonymous = await payload.find({
      collection: 'comments',
      where: { article: { equals: article.id } },
      select: { parent: true, authorName: true, body: true, createdAt: true },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: false,
      pagination: false,
    })
    expect(ours.length).toBe(2)
    expect(ours).toEqual(
      anonymous.docs.map(({ id, parent, authorName, body, createdAt }) => ({
        id,
        parent: parent ?? null,
        authorName,
        body,
        createdAt,
      })),
    )
  })

  it('is current when a publish, an unpublish or a republished edit returns, with no job run in between', async () => {
    const { editor, publisher } = await desk(payload)
    const article = await createArticle(payload, { title: 'Lag check', authors: [plain.id] })
    expect(await publicPage(article.slug!)).toBeNull()
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
    expect(await publicPage(article.slug!)).toBeNull()
    await transitionAs(payload, publisher, { id: article.id, action: 'publish' })
    expect((await publicPage(article.slug!))?.title).toBe('Lag check')

    // An edit of the live article is a draft until it is published again: its page is not
    // even written again.
    const pageOf = async () =>
      (await storedPages()).find((page) => page.article === String(article.id))!
    const before = await pageOf()
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Lag check, revised' },
      user: editor,
      overrideAccess: false,
    })
    expect((await publicPage(article.slug!))?.title).toBe('Lag check')
    expect((await pageOf()).createdAt).toBe(before.createdAt)
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
    await transitionAs(payload, publisher, { id: article.id, action: 'publish' })
    expect((await publicPage(article.slug!))?.title).toBe('Lag check, revised')

    await transitionAs(payload, publisher, { id: article.id, action: 'unpublish' })
    expect(await publicPage(article.slug!)).toBeNull()
    await expectReadModelInStep()
  })

  it('drops the page of a live article unpublished while a revision of it is in review', async () => {
    const { editor, publisher } = await desk(payload)
    const article = await createArticle(
      payload,
      { title: 'Pulled while revised', authors: [plain.id] },
      'published',
    )
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'The revision' },
      user: editor,
      overrideAccess: false,
    })
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    expect((await publicPage(article.slug!))?.title).toBe('Pulled while revised')
    await transitionAs(payload, publisher, { id: article.id, action: 'unpublish' })
    expect(await publicPage(article.slug!)).toBeNull()
    await expectReadModelInStep()
  })

  it('renders again exactly the pages that show a changed author, source or image', async () => {
    const before = await storedPages()
    const pageOf = (pages: typeof before, article: Article) =>
      pages.find((page) => page.article === String(article.id))!
    await payload.update({ collection: 'authors', id: linked.id, data: { name: 'Lena Renamed' } })
    let after = await storedPages()
    // Full page and Live version show Lena and were written again; Bare page does not and was left alone.
    for (const shown of [pages[0], pages[2]]) {
      expect(pageOf(after, shown).createdAt > pageOf(before, shown).createdAt).toBe(true)
      expect(JSON.stringify(pageOf(after, shown).document)).toContain('Lena Renamed')
    }
    expect(pageOf(after, pages[1]).createdAt).toBe(pageOf(before, pages[1]).createdAt)

    // A source only a Quote block cites, and the hero image.
    await payload.update({
      collection: 'sources',
      id: ministry.id,
      data: { name: 'Ports Ministry' },
    })
    await payload.update({ collection: 'media', id: photo.id, data: { alt: 'A new portrait' } })
    after = await storedPages()
    const full = pageOf(after, pages[0]).document as unknown as Article
    expect(JSON.stringify(full.body)).toContain('Ports Ministry')
    expect((full.heroImage as Media).alt).toBe('A new portrait')
    expect(pageOf(after, pages[1]).createdAt).toBe(pageOf(before, pages[1]).createdAt)
    await expectReadModelInStep()
  })

  it('keeps the render queued when it cannot run after the commit, and the jobs runner catches up', async () => {
    const { publisher } = await desk(payload)
    vi.spyOn(payload.jobs, 'runByID').mockRejectedValue(new Error('database busy'))
    await transitionAs(payload, publisher, { id: pages[1].id, action: 'unpublish' })
    // The unpublish committed; its page is not gone yet…
    expect(await publicPage(pages[1].slug!)).not.toBeNull()
    vi.restoreAllMocks()
    // …until the queued job runs.
    await runDueJobs(payload)
    expect(await publicPage(pages[1].slug!)).toBeNull()
    await expectReadModelInStep()
  })

  it('leaves a render of more pages than it renders at once to the jobs runner', async () => {
    const many = Array.from({ length: RENDERED_AT_ONCE + 1 }, (_, i) => String(100_000 + i))
    const runByID = vi.spyOn(payload.jobs, 'runByID')
    await queuePublicPages(await createLocalReq({}, payload), many)
    expect(runByID).not.toHaveBeenCalled()
    const queued = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'renderPublicPages' }, completedAt: { exists: false } },
      depth: 0,
    })
    expect(queued.docs.map((job) => (job.input as { articles: string[] }).articles)).toContainEqual(
      many,
    )
    await runDueJobs(payload)
    await expectReadModelInStep()
  })

  it('is rebuilt from nothing, and a page whose article is gone is dropped', async () => {
    await payload.db.deleteMany({ collection: 'public-listings', where: {} })
    await payload.db.deleteMany({ collection: 'public-pages', where: {} })
    await payload.create({
      collection: 'public-pages',
      data: { article: '99999', slug: 'long-gone', embeds: [], document: { title: 'Gone' } },
    })
    const progress: [number, number][] = []
    const result = await rebuildPublicPages(payload, (done, total) => progress.push([done, total]))
    expect(result.rendered).toBe((await storedPages()).length)
    expect(result.removed).toBeGreaterThan(0)
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1])
    expect(await publicPage('long-gone')).toBeNull()
    await expectReadModelInStep()
  })
})
