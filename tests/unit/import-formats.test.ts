import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { standfirst } from '../../src/import/articleData'
import { blocksFromHtml } from '../../src/import/body/fromHtml'
import { toLexical } from '../../src/import/body/toLexical'
import { prepareComments } from '../../src/import/comments'
import { parseLooseDate } from '../../src/import/dates'
import { detectFormat, parseContent } from '../../src/import/formats'
import { parseXml } from '../../src/import/parse/xml'
import { ImportInputError, type ImportedPost } from '../../src/import/types'

const FIXTURES = path.resolve(__dirname, '../fixtures/import')
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8')
const parse = (name: string) => parseContent(detectFormat(name, read(name)), read(name))
const problemOf = (name: string) => {
  try {
    parse(name)
  } catch (error) {
    if (error instanceof ImportInputError) return error.message
    throw error
  }
  return undefined
}
const quotes = (post: ImportedPost) => post.body.filter((block) => block.type === 'quote')

describe('format detection and bad input', () => {
  it.each([
    ['blogger-export.xml', 'blogger'],
    ['wordpress-export.xml', 'wordpress'],
    ['saved-post.html', 'html'],
    ['copied-post.txt', 'text'],
  ])('detects %s as %s', (name, format) => {
    expect(detectFormat(name, read(name))).toBe(format)
  })

  it.each([
    ['bad/empty.txt', 'the file is empty'],
    ['bad/image.txt', 'unknown format: binary data, not an export, an HTML page or text'],
    [
      'bad/unknown.xml',
      'unknown format: XML whose root element is <catalog>; expected a Blogger export (<feed>), a WordPress export (<rss>) or an HTML page',
    ],
    ['bad/truncated.xml', 'truncated XML: the file ends inside <content> (opened at line 22)'],
    [
      'bad/broken-tags.xml',
      'malformed XML: </wp:status> at line 7 does not match the open <wp:post_type> (line 7)',
    ],
  ])('names the problem with %s', (name, message) => {
    expect(problemOf(name)).toBe(message)
  })

  it.each([
    ['<a><b>x</a>', 'malformed XML: </a> at line 1 closes <a> while <b> (line 1) is still open'],
    ['<a>x</a><b/>', 'malformed XML: a second root element <b> at line 1'],
    ['<a>x</a> trailing', 'malformed XML: text outside the root element at line 1'],
  ])('refuses malformed XML %s', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message)
  })

  it('reads a forced format strictly: a WordPress export is not a Blogger one', () => {
    expect(() => parseContent('blogger', read('wordpress-export.xml'))).toThrow(
      'not a Blogger export: the root element is <rss>, not <feed>',
    )
  })
})

describe('Blogger export', () => {
  const { posts, skipped } = parse('blogger-export.xml')

  it('reads posts with their dates, authors, labels and original URL; pages are skipped', () => {
    expect(posts.map((p) => [p.title, p.publishedAt, p.authors, p.status])).toEqual([
      ['Trams are back', '2024-10-18T16:30:00.000Z', [{ name: 'Maya Okafor' }], 'published'],
      [
        'Weekly roundup',
        '2024-10-25T17:05:00.000Z',
        [{ name: 'Tom Baker', email: 'tom@tramdiaries.example' }],
        'published',
      ],
      [
        'Weekly roundup',
        '2024-11-01T08:00:00.000Z',
        [{ name: 'Tom Baker', email: 'tom@tramdiaries.example' }],
        'draft',
      ],
    ])
    expect(posts[0]).toMatchObject({
      importKey: 'blogger:tag:blogger.com,1999:blog-7001.post-1001',
      originalUrl: 'https://tramdiaries.blogspot.com/2024/10/trams-are-back.html',
      tags: ['transport', 'city'],
    })
    expect(skipped).toEqual([{ title: 'About this blog', reason: 'a page, not a post' }])
  })

  it('threads comments: a reply names its parent, a held comment is pending, no-reply emails are dropped', () => {
    expect(posts[0]!.comments).toEqual([
      expect.objectContaining({
        key: '5001',
        authorName: 'Jon',
        authorEmail: 'jon@example.org',
        status: 'approved',
        date: '2024-10-19T09:00:00.000Z',
      }),
      expect.objectContaining({
        key: '5002',
        parentKey: '5001',
        authorName: 'Priya',
        body: 'Me too, it ran past my school.\nEvery morning.',
        status: 'approved',
      }),
      expect.objectContaining({ key: '5003', authorName: 'Sam', status: 'pending' }),
    ])
    expect(posts[0]!.comments[1]).not.toHaveProperty('authorEmail')
  })

  it('turns quotations into Quote blocks: sentences, blockquotes with a dash line, nested blockquotes', () => {
    expect(quotes(posts[0]!)).toEqual([
      {
        type: 'quote',
        text: 'The old lines could run again within five years.',
        source: 'Reuters',
      },
      {
        type: 'quote',
        text: 'The depot is structurally sound and can reopen.',
        source: 'the Guardian',
      },
      {
        type: 'quote',
        text: 'We will rebuild the old tram lines before the next election.',
        source: 'Jane Doe',
      },
      {
        type: 'quote',
        text: 'Every tram replaces forty cars at rush hour.',
        source: 'Associated Press',
      },
      { type: 'quote', text: 'Nobody expected the trams to return so soon.' },
      {
        type: 'quote',
        text: 'The council minutes record a warning:\n\n“the rails must not be sold for scrap”',
        source: 'City Archive',
      },
    ])
  })

  it('keeps headings, lists, links and formatting, with relative links made absolute', () => {
    const body = posts[0]!.body
    expect(body[0]).toEqual({
      type: 'paragraph',
      runs: [
        { text: 'The city ran trams for sixty years. Then, in 1962, it ', format: 0 },
        { text: 'tore them up', format: 1 },
        { text: '. Read the ', format: 0 },
        {
          text: 'history',
          format: 0,
          link: 'https://tramdiaries.blogspot.com/2024/09/history.html',
        },
        { text: ' first.', format: 0 },
      ],
    })
    expect(body[1]).toEqual({
      type: 'heading',
      tag: 'h2',
      runs: [{ text: 'What the ministry says', format: 0 }],
    })
    expect(body.at(-1)).toMatchObject({
      type: 'list',
      ordered: false,
      items: [{ nested: [] }, { nested: [{ items: [{ runs: [{ text: 'via the old depot' }] }] }] }],
    })
  })

  it('splits <br><br> paragraphs and keeps images for the importer to judge', () => {
    expect(posts[1]!.body.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'quote',
      'image',
      'image',
    ])
    expect(quotes(posts[1]!)[0]).toMatchObject({
      source: 'Dr. John Smith',
      descriptor: 'a historian at the University of Leeds',
    })
  })
})

describe('Blogger export from Google Takeout (<blogger:type>)', () => {
  const takeout = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <id>tag:blogger.com,1999:blog-88</id><title>Takeout blog</title>
  <link rel='alternate' type='text/html' href='https://takeout.blogspot.com/'/>
  <entry><id>tag:blogger.com,1999:blog-88.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
    <author><name>Kofi Mensah</name><blogger:type>BLOGGER</blogger:type></author><title>Market day</title>
    <content type='html'>&lt;p&gt;The market opens at six.&lt;/p&gt;</content><blogger:filename>/2025/06/market-day.html</blogger:filename>
    <published>2025-06-04T16:52:00Z</published><blogger:created>2025-06-04T16:00:00Z</blogger:created><blogger:trashed></blogger:trashed></entry>
  <entry><id>tag:blogger.com,1999:blog-88.post-2</id><blogger:type>POST</blogger:type><blogger:status>DRAFT</blogger:status>
    <title>Unfinished</title><content type='html'>&lt;p&gt;Later.&lt;/p&gt;</content></entry>
  <entry><id>tag:blogger.com,1999:blog-88.post-3</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
    <title>Gone</title><content type='html'>&lt;p&gt;Deleted.&lt;/p&gt;</content><blogger:trashed>2025-07-01T00:00:00Z</blogger:trashed></entry>
  <entry><id>tag:blogger.com,1999:blog-88.page-1</id><blogger:type>PAGE</blogger:type><title>About</title><content type='html'>x</content></entry>
  <entry><id>tag:blogger.com,1999:blog-88.post-301</id><blogger:parent>tag:blogger.com,1999:blog-88.post-1</blogger:parent>
    <blogger:inReplyTo/><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
    <author><name>Ama</name><blogger:type>ANONYMOUS</blogger:type></author><content type='html'>See you there.</content>
    <published>2025-06-05T08:00:00Z</published></entry>
  <entry><id>tag:blogger.com,1999:blog-88.post-302</id><blogger:parent>tag:blogger.com,1999:blog-88.post-1</blogger:parent>
    <blogger:inReplyTo>tag:blogger.com,1999:blog-88.post-301</blogger:inReplyTo><blogger:type>COMMENT</blogger:type><blogger:status>PENDING</blogger:status>
    <author><name>Yaw</name></author><content type='html'>Me too.</content><published>2025-06-05T09:00:00Z</published></entry>
</feed>`
  const { posts, skipped } = parseContent(detectFormat('feed.atom', takeout), takeout)

  it('reads posts by <blogger:type>, drafts by <blogger:status>, URLs from <blogger:filename>, and skips trashed ones', () => {
    expect(posts.map((p) => [p.title, p.status, p.originalUrl])).toEqual([
      ['Market day', 'published', 'https://takeout.blogspot.com/2025/06/market-day.html'],
      ['Unfinished', 'draft', undefined],
    ])
    expect(skipped).toEqual([
      { title: 'Gone', reason: 'deleted on the old blog' },
      { title: 'About', reason: 'a page, not a post' },
    ])
  })

  it('joins comments by <blogger:parent>, replies by <blogger:inReplyTo>', () => {
    expect(posts[0]!.comments.map((c) => [c.key, c.parentKey, c.authorName, c.status])).toEqual([
      ['301', undefined, 'Ama', 'approved'],
      ['302', '301', 'Yaw', 'pending'],
    ])
  })
})

describe('WordPress export', () => {
  const { posts, skipped } = parse('wordpress-export.xml')

  it('reads posts (not pages, trash or attachments) with authors by login, categories and tags', () => {
    expect(
      posts.map((p) => [p.title, p.publishedAt, p.authors, p.tags, p.status, p.commentsEnabled]),
    ).toEqual([
      [
        'Night buses are a public service',
        '2024-10-22T21:15:00.000Z',
        [{ name: 'Alice Rahman', email: 'alice@citynotes.example.com' }],
        ['transport', 'night buses'],
        'published',
        true,
      ],
      [
        'Trams are back',
        '2024-11-02T07:00:00.000Z',
        [{ name: 'Maya Okafor', email: 'bob@citynotes.example.com' }],
        ['trams'],
        'draft',
        false,
      ],
    ])
    expect(posts[0]).toMatchObject({
      importKey: 'wordpress:https://citynotes.example.com/?p=41',
      summary: 'Why the city should keep its night buses.',
    })
    expect(skipped).toEqual([
      { title: 'Contact', reason: 'a page, not a post' },
      { title: 'Old rant', reason: 'in the trash on the old blog' },
    ])
  })

  it('maps comment statuses, threads replies and leaves pingbacks out', () => {
    expect(posts[0]!.comments.map((c) => [c.key, c.parentKey, c.authorName, c.status])).toEqual([
      ['11', undefined, 'Priya Shah', 'approved'],
      ['12', '11', 'Alice Rahman', 'approved'],
      ['13', undefined, 'Ken', 'pending'],
      ['14', undefined, 'Cheap Pills', 'spam'],
      ['15', undefined, 'Troll', 'rejected'],
    ])
    expect(posts[0]!.notes).toContain('1 pingback or trackback left out')
  })

  it('reads blank-line paragraphs and quotes attributed in several ways', () => {
    // "According to the Associated Press," stays as the lead-in paragraph of its quote.
    expect(posts[0]!.body.map((block) => block.type)).toEqual([
      'paragraph',
      'quote',
      'quote',
      'quote',
      'paragraph',
      'quote',
      'list',
    ])
    expect(quotes(posts[0]!).map((q) => q.type === 'quote' && (q.source ?? `(${q.hint})`))).toEqual(
      ['the Transport Authority', 'Alice Rahman', 'Amnesty International', 'the Associated Press'],
    )
    expect(quotes(posts[1]!)[0]).toMatchObject({ source: 'Mayor Lena Park' })
  })
})

describe('saved HTML page', () => {
  const [post] = parse('saved-post.html').posts

  it('finds the post among the page furniture', () => {
    expect(post).toMatchObject({
      title: 'The harbour ferry turns 100',
      publishedAt: '2023-05-03T05:45:00.000Z',
      originalUrl: 'https://harbourblog.example.net/2023/05/ferry-100/',
      authors: [{ name: 'Grace Lin' }],
      tags: ['ferries', 'harbour'],
      summary: 'A century of crossings, and why the ferry still matters.',
    })
    expect(post!.importKey).toMatch(/^file:[0-9a-f]{40}$/)
    const text = JSON.stringify(post!.body)
    expect(text).not.toMatch(/Share on Twitter|Home|Harbour Blog|Tagged/)
    expect(post!.body.map((b) => b.type)).toEqual([
      'paragraph',
      'image',
      'paragraph',
      'quote',
      'paragraph',
      'quote',
      'quote',
      'heading',
      'list',
    ])
  })

  it('reads its comments, a reply under its parent', () => {
    expect(post!.comments).toEqual([
      {
        key: 'comment-201',
        authorName: 'Olu',
        date: '2023-05-03T12:00:00.000Z',
        body: 'My grandmother worked on it!',
        status: 'approved',
      },
      {
        key: 'comment-202',
        parentKey: 'comment-201',
        authorName: 'Grace Lin',
        date: '2023-05-03T13:30:00.000Z',
        body: 'Please send us her story.',
        status: 'approved',
      },
    ])
  })
})

describe('plain text copied from a blog', () => {
  const [post] = parse('copied-post.txt').posts

  it('reads the date line, title, byline, labels and comments', () => {
    expect(post).toMatchObject({
      title: 'The depot that time forgot',
      publishedAt: '2024-10-18T09:30:00.000Z',
      authors: [{ name: 'Maya Okafor' }],
      tags: ['depot', 'history'],
      status: 'published',
    })
    expect(post!.comments.map((c) => [c.authorName, c.date, c.body])).toEqual([
      ['Jon', '2024-10-19T10:00:00.000Z', 'I walked past it every day and never knew.'],
      ['Priya', '2024-10-19T23:15:00.000Z', 'Please organise a visit!'],
    ])
  })

  it('finds attributed, continued and unattributed quotes; a quote it cannot attribute inside a sentence stays text', () => {
    expect(quotes(post!)).toEqual([
      { type: 'quote', text: 'Most of them could run again with new wheels.', source: 'Reuters' },
      {
        type: 'quote',
        text: 'I played here as a child. We all did.',
        source: 'Ana Lima',
        descriptor: 'a retired driver',
      },
      { type: 'quote', text: 'Every city keeps something it forgot it had.' },
    ])
    expect(JSON.stringify(post!.body)).toContain(
      "The council's answer was short: “The building is not for sale.”",
    )
  })
})

describe('dates', () => {
  it.each([
    ['Friday, October 18, 2024', '2024-10-18T00:00:00.000Z'],
    ['18 October 2024 at 9:30 PM', '2024-10-18T21:30:00.000Z'],
    ['Oct 18, 2024 9:05 am', '2024-10-18T09:05:00.000Z'],
    ['2024-10-18 16:30:00', '2024-10-18T16:30:00.000Z'],
    ['2024-10-18T09:30:00.000-07:00', '2024-10-18T16:30:00.000Z'],
    ['Fri, 18 Oct 2024 16:30:00 +0000', '2024-10-18T16:30:00.000Z'],
    ['0000-00-00 00:00:00', undefined],
    ['February 30, 2024', undefined],
    ['Trams are back', undefined],
  ])('%s → %s', (text, iso) => {
    expect(parseLooseDate(text)).toBe(iso)
  })
})

describe('conversion to Lexical', () => {
  it('builds paragraphs, links, headings, lists and Quote blocks with stable ids', () => {
    const blocks = blocksFromHtml(
      '<h3>Title</h3><p>See <a href="https://x.example/">this</a>.</p><ol><li>One</li></ol><blockquote>Words of the day here.<cite>Reuters</cite></blockquote>',
    )
    const refs = {
      sourceId: (name: string) => (name === 'Reuters' ? 7 : undefined),
      mediaId: () => undefined,
    }
    const json = toLexical(blocks, refs, 'k')
    expect(json).toEqual(toLexical(blocks, refs, 'k'))
    const [heading, paragraph, list, quote] = json.root.children as Record<string, any>[]
    expect(heading).toMatchObject({ type: 'heading', tag: 'h3' })
    expect(paragraph!.children[1]).toMatchObject({
      type: 'link',
      fields: { linkType: 'custom', newTab: false, url: 'https://x.example/' },
    })
    expect(list).toMatchObject({
      type: 'list',
      listType: 'number',
      tag: 'ol',
      children: [{ type: 'listitem', value: 1 }],
    })
    expect(quote).toMatchObject({
      type: 'block',
      fields: { id: 'kq1', blockType: 'quote', text: 'Words of the day here.', source: 7 },
    })
  })

  it('drops scripts and unsafe links', () => {
    const blocks = blocksFromHtml(
      '<p>Hi <a href="javascript:alert(1)">there</a></p><script>alert(1)</script>',
    )
    expect(blocks).toEqual([{ type: 'paragraph', runs: [{ text: 'Hi there', format: 0 }] }])
  })
})

describe('standfirst and comments', () => {
  it('takes the summary, else the first paragraph, within 300 characters', () => {
    expect(standfirst({ summary: 'Short.', body: [] })).toBe('Short.')
    const long = 'word '.repeat(100)
    const dek = standfirst({ body: [{ type: 'paragraph', runs: [{ text: long, format: 0 }] }] })
    expect(dek.length).toBeLessThanOrEqual(300)
    expect(dek.endsWith('…')).toBe(true)
  })

  it('orders parents before replies and fits comments to the rules', () => {
    const prepared = prepareComments([
      {
        key: 'b',
        parentKey: 'a',
        authorName: 'B',
        date: '2024-01-01T00:00:00.000Z',
        body: 'reply',
        status: 'approved',
      },
      {
        key: 'a',
        authorName: ' ',
        authorEmail: 'not-an-email',
        date: '2024-01-02T00:00:00.000Z',
        body: 'x'.repeat(6000),
        status: 'approved',
      },
    ])
    expect(prepared.map((c) => c.key)).toEqual(['a', 'b'])
    expect(prepared[0]).toMatchObject({ authorName: 'Anonymous', authorEmail: undefined })
    expect(prepared[0]!.body).toHaveLength(5000)
    expect(prepared[0]!.problems).toEqual(['a comment by Anonymous was cut to 5000 characters'])
  })
})
