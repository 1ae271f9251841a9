import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { runImport } from '../../src/import/importer'
import { formatReport, type ImportReport } from '../../src/import/report'
import { blocksOf } from '../../src/lib/lexical'
import type { Article } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import { createAuthor, createSource, createUser } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

const FIXTURES = path.resolve(__dirname, '../fixtures/import')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-'))
const write = (name: string, content: string) => {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, content)
  return file
}

let payload: Payload
let first: ImportReport

const bySlug = async (slug: string): Promise<Article> => {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    draft: true,
    depth: 0,
    limit: 1,
  })
  if (!docs[0]) throw new Error(`no article ${slug}`)
  return docs[0]
}
const counts = async () => {
  const [articles, comments, authors, sources, media] = await Promise.all(
    (['articles', 'comments', 'authors', 'sources', 'media'] as const).map((collection) =>
      payload.count({ collection }),
    ),
  )
  return {
    articles: articles!.totalDocs,
    comments: comments!.totalDocs,
    authors: authors!.totalDocs,
    sources: sources!.totalDocs,
    media: media!.totalDocs,
  }
}
const post = (report: ImportReport, title: string) => report.posts.filter((p) => p.title === title)

beforeAll(async () => {
  payload = await getTestPayload()
  // Already in the CMS: an agency, and Alice's author profile linked to her account (found by email).
  await createSource(payload, { name: 'Reuters', kind: 'news_agency' })
  const alice = await createUser(payload, ['contributor'], 'Alice')
  await payload.update({
    collection: 'users',
    id: alice.id,
    data: { email: 'alice@citynotes.example.com' },
  })
  await createAuthor(payload, { name: 'Alice R.', user: alice.id })
  first = await runImport(payload, [FIXTURES])
  console.log(formatReport(first))
})

describe('importing a blog (Blogger, WordPress, a saved page, copied text)', () => {
  it('imports every post of the good files as a draft, with unique slugs, original dates and URLs', async () => {
    expect(first.files.map((f) => [path.basename(f.file), f.format, f.posts, f.error])).toEqual([
      ['blogger-export.xml', 'blogger', 3, undefined],
      ['copied-post.txt', 'text', 1, undefined],
      ['saved-post.html', 'html', 1, undefined],
      ['wordpress-export.xml', 'wordpress', 2, undefined],
    ])
    expect(first.posts.map((p) => [p.outcome, p.slug])).toEqual([
      ['created', 'trams-are-back'],
      ['created', 'weekly-roundup'],
      ['created', 'weekly-roundup-2'],
      ['created', 'the-depot-that-time-forgot'],
      ['created', 'the-harbour-ferry-turns-100'],
      ['created', 'night-buses-are-a-public-service'],
      ['created', 'trams-are-back-2'],
    ])
    const trams = await bySlug('trams-are-back')
    expect(trams).toMatchObject({
      title: 'Trams are back',
      reviewState: 'draft',
      _status: 'draft',
      publishedAt: '2024-10-18T16:30:00.000Z',
      originalUrl: 'https://tramdiaries.blogspot.com/2024/10/trams-are-back.html',
      importKey: 'blogger:tag:blogger.com,1999:blog-7001.post-1001',
      tags: ['transport', 'city'],
      dek: 'The city ran trams for sixty years. Then, in 1962, it tore them up. Read the history first.',
    })
    expect((await bySlug('trams-are-back-2')).commentsEnabled).toBe(false)
    expect(first.files.flatMap((f) => f.skipped.map((s) => s.title))).toEqual([
      'About this blog',
      'Contact',
      'Old rant',
    ])
  })

  it('finds authors by email or name, creates the others once, and reuses them across files', async () => {
    const { docs: authors } = await payload.find({
      collection: 'authors',
      pagination: false,
      depth: 0,
      sort: 'id',
    })
    expect(authors.map((a) => a.name)).toEqual([
      'Alice R.',
      'Maya Okafor',
      'Tom Baker',
      'Grace Lin',
    ])
    const id = (name: string) => authors.find((a) => a.name === name)!.id
    expect((await bySlug('night-buses-are-a-public-service')).authors).toEqual([id('Alice R.')])
    for (const slug of ['trams-are-back', 'trams-are-back-2', 'the-depot-that-time-forgot']) {
      expect((await bySlug(slug)).authors).toEqual([id('Maya Okafor')])
    }
    expect(first.authors).toEqual({ created: 3, reused: 1 })
  })

  it('turns attributed quotations into Quote blocks citing sources found or created by name', async () => {
    const { docs: sources } = await payload.find({
      collection: 'sources',
      pagination: false,
      depth: 0,
      sort: 'id',
    })
    const kinds = Object.fromEntries(sources.map((s) => [s.name, s.kind]))
    expect(kinds).toMatchObject({
      Reuters: 'news_agency',
      'The Guardian': 'newspaper',
      'Associated Press': 'news_agency',
      'Amnesty International': 'ngo',
      'John Smith': 'person',
      'Jane Doe': 'other',
      'City Archive': 'other',
    })
    expect(sources.filter((s) => s.name === 'Reuters')).toHaveLength(1)
    expect(first.sources.reused).toBe(1)
    const trams = await bySlug('trams-are-back')
    const cited = blocksOf(trams.body as never, 'quote').map(
      (q) => sources.find((s) => s.id === q.source)?.name ?? null,
    )
    expect(cited).toEqual([
      'Reuters',
      'The Guardian',
      'Jane Doe',
      'Associated Press',
      null,
      'City Archive',
    ])
    expect(trams.sources?.length).toBe(5)
  })

  it('keeps an unattributed quotation as a Quote block without a source, which the submit check makes an editor resolve', async () => {
    expect(first.posts.flatMap((p) => p.quotes.unattributed.map((q) => `${p.slug}: ${q}`))).toEqual(
      [
        'trams-are-back: “Nobody expected the trams to return so soon.”',
        'weekly-roundup-2: “The timetable is ready.” (officials)',
        'the-depot-that-time-forgot: “Every city keeps something it forgot it had.”',
        'the-harbour-ferry-turns-100: “It was the only way to school.” (he)',
      ],
    )
    const trams = await bySlug('trams-are-back')
    expect(blocksOf(trams.body as never, 'quote')[4]).toMatchObject({
      text: 'Nobody expected the trams to return so soon.',
    })
    expect(blocksOf(trams.body as never, 'quote')[4]).not.toHaveProperty('source')
    const editor = await createUser(payload, ['editor'])
    await expect(transitionAs(payload, editor, { id: trams.id, action: 'submit' })).rejects.toThrow(
      'Cannot submit: Quote block 5 names no source.',
    )
  })

  it('brings comments in with their dates, authors, replies and statuses; emails kept for staff only', async () => {
    const night = await bySlug('night-buses-are-a-public-service')
    const { docs } = await payload.find({
      collection: 'comments',
      where: { article: { equals: night.id } },
      sort: 'createdAt',
      depth: 0,
      pagination: false,
    })
    expect(
      docs.map((c) => [
        c.authorName,
        c.status,
        c.createdAt,
        c.parent ? docs.find((p) => p.id === c.parent)?.authorName : null,
      ]),
    ).toEqual([
      ['Priya Shah', 'approved', '2024-10-23T07:00:00.000Z', null],
      ['Alice Rahman', 'approved', '2024-10-23T09:30:00.000Z', 'Priya Shah'],
      ['Ken', 'pending', '2024-10-24T10:00:00.000Z', null],
      ['Cheap Pills', 'spam', '2024-10-24T11:00:00.000Z', null],
      ['Troll', 'rejected', '2024-10-24T12:00:00.000Z', null],
    ])
    expect(docs[0]!.authorEmail).toBe('priya@example.org')
    expect(docs[1]!.body).toBe('Thank you, Priya.\nWe will keep at it.')
    const publicView = await payload.find({
      collection: 'comments',
      where: { article: { equals: night.id } },
      overrideAccess: false,
    })
    expect(publicView.totalDocs).toBe(0)
  })

  it('uploads embedded and local images, never fetches remote ones', async () => {
    const { docs: media } = await payload.find({ collection: 'media', pagination: false, depth: 0 })
    expect(media.map((m) => m.alt).sort()).toEqual([
      'A one-pixel map',
      'The ferry at the north pier',
    ])
    expect(post(first, 'Weekly roundup')[0]!.notes).toEqual([
      'left out a remote image (https://blogger.googleusercontent.com/img/b/depot.jpg), not fetched',
    ])
    const uploads = (
      (await bySlug('weekly-roundup')).body as {
        root: { children: { type: string; value?: unknown }[] }
      }
    ).root.children.filter((n) => n.type === 'upload')
    expect(uploads).toHaveLength(1)
  })

  it('creates nothing new when the same files are imported again', async () => {
    const before = await counts()
    const again = await runImport(payload, [FIXTURES])
    expect(again.posts.map((p) => p.outcome)).toEqual(Array(7).fill('unchanged'))
    expect(again.posts.reduce((n, p) => n + p.comments.existing, 0)).toBe(12)
    expect(again.authors.created + again.sources.created).toBe(0)
    expect(await counts()).toEqual(before)
  })

  it('updates the draft of a post that changed, keeping its slug and comments', async () => {
    const before = await counts()
    const changed = read('copied-post.txt').replace(
      'Behind the bus station stands',
      'Behind the new bus station still stands',
    )
    const report = await runImport(payload, [write('copied-post.txt', changed)])
    expect(report.posts.map((p) => [p.outcome, p.slug])).toEqual([
      ['updated', 'the-depot-that-time-forgot'],
    ])
    expect(await counts()).toEqual(before)
    const depot = await bySlug('the-depot-that-time-forgot')
    expect(JSON.stringify(depot.body)).toContain('Behind the new bus station still stands')
    // The unattributed quote is still there, still without a source.
    expect(blocksOf(depot.body as never, 'quote').at(-1)).toEqual(
      expect.objectContaining({ text: 'Every city keeps something it forgot it had.' }),
    )
    expect(blocksOf(depot.body as never, 'quote').at(-1)).not.toHaveProperty('source')
  })

  it('reports each bad file in one line and imports nothing from it', async () => {
    const before = await counts()
    const report = await runImport(payload, [path.join(FIXTURES, 'bad')])
    expect(Object.fromEntries(report.files.map((f) => [path.basename(f.file), f.error]))).toEqual({
      'broken-tags.xml':
        'malformed XML: </wp:status> at line 7 does not match the open <wp:post_type> (line 7)',
      'empty.txt': 'the file is empty',
      'image.txt': 'unknown format: binary data, not an export, an HTML page or text',
      'truncated.xml': 'truncated XML: the file ends inside <content> (opened at line 22)',
      'unknown.xml':
        'unknown format: XML whose root element is <catalog>; expected a Blogger export (<feed>), a WordPress export (<rss>) or an HTML page',
    })
    expect(report.posts).toEqual([])
    expect(await counts()).toEqual(before)
  })

  it('rolls back a post whose save fails, keeping nothing it created, and imports the others', async () => {
    const before = await counts()
    const file = write(
      'one-bad-post.xml',
      blogger([
        entry(
          '9001',
          'A broken picture',
          `<p>“Nobody will see this picture,” according to Imaginary Wire.</p><img src="data:image/png;base64,bm90IGFuIGltYWdl" alt="broken">`,
          'Rolly Back',
        ),
        entry('9002', 'A fine post', '<p>Just words, and enough of them.</p>', 'Maya Okafor'),
      ]),
    )
    const report = await runImport(payload, [file])
    expect(report.posts.map((p) => [p.title, p.outcome])).toEqual([
      ['A broken picture', 'failed'],
      ['A fine post', 'created'],
    ])
    expect(report.posts[0]!.error).toBeTruthy()
    const after = await counts()
    expect(after).toEqual({ ...before, articles: before.articles + 1 })
    expect(
      (await payload.find({ collection: 'authors', where: { name: { equals: 'Rolly Back' } } }))
        .totalDocs,
    ).toBe(0)
    expect(
      (await payload.find({ collection: 'sources', where: { name: { equals: 'Imaginary Wire' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('saves nothing on a dry run, and reports what it would do', async () => {
    const before = await counts()
    const file = write(
      'dry.xml',
      blogger([
        entry(
          '9101',
          'Weekly roundup',
          '<p>“Dry runs are safe,” said Dee Ryrun.</p>',
          'Newcomer Person',
        ),
      ]),
    )
    const report = await runImport(payload, [file], { dryRun: true })
    expect(report.posts.map((p) => [p.outcome, p.slug])).toEqual([['created', 'weekly-roundup-3']])
    expect(report).toMatchObject({ authors: { created: 1 }, sources: { created: 1 } })
    expect(formatReport(report)).toMatch(/^Dry run \(nothing was saved\)/)
    expect(await counts()).toEqual(before)
  })

  it('credits every post to the author given with --author, and refuses an unknown one', async () => {
    const desk = await createAuthor(payload, { name: 'Archive Desk' })
    const file = write(
      'forced.txt',
      'March 3, 2021\n\nFrom the archive\n\nAn old post about the harbour.\n\nPosted by Somebody Else at 10:00 AM\n',
    )
    const report = await runImport(payload, [file], { author: desk.slug! })
    expect((await bySlug('from-the-archive')).authors).toEqual([desk.id])
    expect(report.authors).toEqual({ created: 0, reused: 0 })
    await expect(runImport(payload, [file], { author: 'nobody-here' })).rejects.toThrow(
      '--author nobody-here: no author has that slug.',
    )
  })
})

describe('--publish-as-is', () => {
  it('refuses to act as anyone but an admin, and needs a second approver', async () => {
    const publisher = await createUser(payload, ['publisher'])
    await expect(
      runImport(payload, [FIXTURES], { publishAsIs: true, as: publisher.email }),
    ).rejects.toThrow(
      `--publish-as-is acts as an admin; ${publisher.email} is publisher. Use --as <an admin's email>.`,
    )
    await expect(runImport(payload, [FIXTURES], { publishAsIs: true })).rejects.toThrow(
      '--publish-as-is needs an admin account',
    )
    const admin = await createUser(payload, ['admin'])
    await payload.delete({ collection: 'users', id: publisher.id })
    const editors = await payload.find({
      collection: 'users',
      where: { roles: { in: ['publisher', 'admin'] } },
    })
    expect(editors.docs.map((u) => u.id)).toEqual([admin.id])
    await expect(runImport(payload, [FIXTURES], { publishAsIs: true })).rejects.toThrow(
      /needs a second admin or publisher besides .*four-eyes rule/,
    )
  })

  it('publishes the posts that were live, through the workflow, with an audit note; the rest stay drafts and say why', async () => {
    const publisher = await createUser(payload, ['publisher'])
    const report = await runImport(payload, [FIXTURES], { publishAsIs: true })
    expect(Object.fromEntries(report.posts.map((p) => [p.slug, p.published]))).toEqual({
      'trams-are-back': 'not published: Cannot submit: Quote block 5 names no source.',
      'weekly-roundup': 'published',
      'weekly-roundup-2': 'not published: a draft post on the old blog',
      'the-depot-that-time-forgot': 'not published: Cannot submit: Quote block 3 names no source.',
      'the-harbour-ferry-turns-100': 'not published: Cannot submit: Quote block 3 names no source.',
      'night-buses-are-a-public-service': 'published',
      'trams-are-back-2': 'not published: a draft post on the old blog',
    })
    const night = await bySlug('night-buses-are-a-public-service')
    expect(night).toMatchObject({
      reviewState: 'published',
      _status: 'published',
      publishedAt: '2024-10-22T21:15:00.000Z',
    })
    const { docs: events } = await payload.find({
      collection: 'workflow-events',
      where: { article: { equals: night.id } },
      sort: 'seq',
      depth: 0,
    })
    expect(
      events.map((e) => [e.action, e.actor === publisher.id ? 'publisher' : 'admin', e.note]),
    ).toEqual(
      ['submit', 'approve', 'publish'].map((action, i) => [
        action,
        i === 0 ? 'admin' : 'publisher',
        'Imported from wordpress-export.xml (wordpress:https://citynotes.example.com/?p=41) and published as is by the blog import.',
      ]),
    )

    // Readers now see the article with its original URL, never the import key, and only approved comments, without emails.
    const seen = await payload.findByID({
      collection: 'articles',
      id: night.id,
      overrideAccess: false,
      depth: 0,
    })
    expect(seen.originalUrl).toBe('https://citynotes.example.com/2024/10/night-buses/')
    expect(seen).not.toHaveProperty('importKey')
    const comments = await payload.find({
      collection: 'comments',
      where: { article: { equals: night.id } },
      overrideAccess: false,
      sort: 'createdAt',
    })
    expect(comments.docs.map((c) => c.authorName)).toEqual(['Priya Shah', 'Alice Rahman'])
    expect(comments.docs.every((c) => c.authorEmail === undefined)).toBe(true)

    const again = await runImport(payload, [FIXTURES], { publishAsIs: true })
    expect(post(again, 'Night buses are a public service')[0]!.published).toBe('already published')
  })
})

function read(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8')
}

function entry(id: string, title: string, html: string, author: string): string {
  const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return `<entry><id>tag:blogger.com,1999:blog-42.post-${id}</id><published>2022-02-02T10:00:00Z</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
<title type='text'>${title}</title><content type='html'>${escaped}</content><author><name>${author}</name></author></entry>`
}

function blogger(entries: string[]): string {
  return `<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-42</id>${entries.join('')}</feed>`
}
