import { blocksFromNodes } from '../body/fromHtml'
import { parseLooseDate } from '../dates'
import {
  byTag,
  findAll,
  findFirst,
  hasClass,
  isElement,
  parseHtml,
  textContent,
  type Element,
} from '../parse/dom'
import { ImportInputError, type ImportedComment, type ParsedFile } from '../types'
import { cleanTags, fallbackTitle, fileImportKey } from './common'

type Root = ReturnType<typeof parseHtml>

const meta = (doc: Root, key: string): string | undefined =>
  findFirst(
    doc,
    (el) => el.name === 'meta' && (el.attribs.property === key || el.attribs.name === key),
  )?.attribs.content?.trim() || undefined

const metas = (doc: Root, key: string): string[] =>
  findAll(
    doc,
    (el) => el.name === 'meta' && (el.attribs.property === key || el.attribs.name === key),
  ).map((el) => el.attribs.content ?? '')

const classed =
  (...names: string[]) =>
  (el: Element) =>
    names.some((name) => hasClass(el, name))

/** Parts of a page that are not the post: navigation, sharing, comments, bylines. */
const NOT_CONTENT = classed(
  'comments',
  'comment-list',
  'comments-area',
  'post-footer',
  'post-header',
  'entry-meta',
  'entry-footer',
  'byline',
  'sharedaddy',
  'share',
  'related-posts',
  'post-labels',
  'post-title',
  'entry-title',
  'date-header',
  'post-author',
  'navigation',
  'post-navigation',
  'widget',
  'sidebar',
)

function contentOf(doc: Root): Element | undefined {
  return (
    findFirst(doc, classed('post-body', 'entry-content', 'post-content', 'article-body')) ??
    findFirst(doc, (el) => el.attribs.itemprop === 'articleBody') ??
    findFirst(doc, byTag('article')) ??
    findFirst(doc, byTag('main')) ??
    findFirst(doc, byTag('body'))
  )
}

function titleOf(doc: Root, article: Element | undefined): string | undefined {
  const heading =
    findFirst(doc, classed('entry-title', 'post-title')) ??
    (article && findFirst(article, byTag('h1'))) ??
    findFirst(doc, byTag('h1'))
  return (
    meta(doc, 'og:title') ??
    (textContent(heading) || undefined) ??
    (textContent(findFirst(doc, byTag('title'))) || undefined)
  )
}

function dateOf(doc: Root): string | undefined {
  const time = findFirst(doc, (el) => el.name === 'time' && Boolean(el.attribs.datetime))
  const abbr = findFirst(doc, (el) => el.name === 'abbr' && hasClass(el, 'published'))
  const candidates = [
    meta(doc, 'article:published_time'),
    meta(doc, 'date'),
    time?.attribs.datetime,
    abbr?.attribs.title,
    textContent(findFirst(doc, classed('date-header'))),
    textContent(findFirst(doc, classed('published', 'entry-date', 'post-date'))),
  ]
  for (const candidate of candidates) {
    const date = parseLooseDate(candidate)
    if (date) return date
  }
  return undefined
}

function authorOf(doc: Root): string | undefined {
  const byline = findFirst(doc, classed('post-author', 'author', 'byline'))
  const name =
    meta(doc, 'author') ?? textContent(findFirst(doc, (el) => el.attribs.rel === 'author')) ?? ''
  const fromByline = byline
    ? textContent(findFirst(byline, classed('fn')) ?? byline).replace(/^(posted by|by)\s+/i, '')
    : ''
  return (name || fromByline || undefined)?.replace(/\s+/g, ' ').slice(0, 100)
}

const tagsOf = (doc: Root): string[] => [
  ...metas(doc, 'article:tag'),
  ...findAll(
    doc,
    (el) => el.name === 'a' && (el.attribs.rel ?? '').split(/\s+/).includes('tag'),
  ).map((el) => textContent(el)),
]

/** Comments as WordPress themes (li.comment, nested for replies) and classic Blogger (dl#comments-block) print them. */
function commentsOf(doc: Root): ImportedComment[] {
  const comments: ImportedComment[] = []
  for (const [index, item] of findAll(
    doc,
    (el) => hasClass(el, 'comment') && (el.name === 'li' || el.name === 'article'),
  ).entries()) {
    const own = (test: (el: Element) => boolean) =>
      findFirst(
        item.children.filter(isElement).filter((el) => !hasClass(el, 'children')),
        test,
      )
    const name = textContent(own(classed('fn', 'comment-author')))
      .replace(/\s+says:?$/i, '')
      .trim()
    const body = textContent(
      own(classed('comment-content')) ??
        own(classed('comment-text')) ??
        own(classed('comment-body')),
    )
    if (!name || !body) continue
    const parent =
      item.parent && isElement(item.parent as Element) ? (item.parent as Element) : undefined
    const parentItem =
      parent && hasClass(parent, 'children') && parent.parent
        ? (parent.parent as Element)
        : undefined
    comments.push({
      key: item.attribs.id ?? `c${index}`,
      ...(parentItem?.attribs?.id ? { parentKey: parentItem.attribs.id } : {}),
      authorName: name.slice(0, 100),
      date:
        parseLooseDate(own(byTag('time'))?.attribs.datetime) ??
        parseLooseDate(textContent(own(classed('comment-metadata', 'comment-timestamp')))) ??
        new Date(0).toISOString(),
      body,
      status: 'approved',
    })
  }
  const block = findFirst(doc, (el) => el.attribs.id === 'comments-block')
  if (block) {
    const terms = block.children.filter(isElement)
    terms.forEach((term, index) => {
      if (term.name !== 'dt') return
      const body = terms
        .slice(index + 1)
        .find((el) => el.name === 'dd' && hasClass(el, 'comment-body'))
      const footer = terms
        .slice(index + 1)
        .find((el) => el.name === 'dd' && hasClass(el, 'comment-footer'))
      const name = textContent(term)
        .replace(/\s+said\.*:?$/i, '')
        .trim()
      if (!name || !body) return
      comments.push({
        key: term.attribs.id ?? `c${index}`,
        authorName: name.slice(0, 100),
        date: parseLooseDate(textContent(footer)) ?? new Date(0).toISOString(),
        body: textContent(body),
        status: 'approved',
      })
    })
  }
  return comments
}

/** A saved post page (Blogger, WordPress or any theme): title, date, author, labels, the post's content, comments. */
export function parseHtmlPage(html: string): ParsedFile {
  const doc = parseHtml(html)
  const content = contentOf(doc)
  if (!content)
    throw new ImportInputError('an HTML page with no content (no <body>, <article> or post body)')
  // Read everything around the post before its container is cleared of page furniture.
  const comments = commentsOf(doc)
  const canonical =
    findFirst(doc, (el) => el.name === 'link' && el.attribs.rel === 'canonical')?.attribs.href ??
    meta(doc, 'og:url')
  const originalUrl = canonical && /^https?:\/\//.test(canonical) ? canonical : undefined
  const found = titleOf(doc, content)
  const publishedAt = dateOf(doc)
  const author = authorOf(doc)
  const notes: string[] = []
  const tags = cleanTags(tagsOf(doc), notes)
  const summary = meta(doc, 'description') ?? meta(doc, 'og:description')

  for (const el of findAll(content, NOT_CONTENT)) el.children = []
  const body = blocksFromNodes(content.children, { baseUrl: originalUrl }).filter(
    (block) => !(block.type === 'heading' && block.tag === 'h1'),
  )
  if (!body.length) throw new ImportInputError('an HTML page whose post has no text')
  if (!found) notes.push('the page has no title; it was made from its first words')
  const title = found ?? fallbackTitle(body, publishedAt)
  return {
    format: 'html',
    posts: [
      {
        importKey: fileImportKey(originalUrl, title, publishedAt),
        title,
        ...(summary ? { summary } : {}),
        ...(publishedAt ? { publishedAt } : {}),
        ...(originalUrl ? { originalUrl } : {}),
        authors: author ? [{ name: author }] : [],
        tags,
        body,
        comments,
        status: 'published',
        commentsEnabled: true,
        notes,
      },
    ],
    skipped: [],
  }
}

export const looksLikeHtml = (text: string): boolean =>
  /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/i.test(text)
