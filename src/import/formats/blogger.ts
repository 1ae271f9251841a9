import { blocksFromHtml } from '../body/fromHtml'
import { parseLooseDate } from '../dates'
import { child, childrenNamed, childText, textOf, type XmlElement } from '../parse/xml'
import {
  ImportInputError,
  type CommentStatus,
  type ImportedAuthor,
  type ImportedComment,
  type ImportedPost,
  type OriginalStatus,
  type ParsedFile,
  type SkippedEntry,
} from '../types'
import { cleanTags, fallbackTitle, htmlToPlainText, realEmail } from './common'

const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind'
const LABEL_SCHEME = 'http://www.blogger.com/atom/ns#'

type Kind = 'post' | 'comment' | 'page' | 'other'

/** Both export generations: the kind as a category term (`…kind#post`) or as `<blogger:type>`. */
function kindOf(entry: XmlElement): Kind {
  const term = childrenNamed(entry, 'category').find(
    (category) => category.attrs.scheme === KIND_SCHEME,
  )?.attrs.term
  const type = (term?.split('#')[1] ?? childText(entry, 'blogger:type') ?? '').toLowerCase()
  return type === 'post' || type === 'comment' || type === 'page' ? type : 'other'
}

/** The numeric id at the end of "tag:blogger.com,1999:blog-1.post-42" or of a comment feed URL. */
const trailingId = (value: string | undefined): string | undefined =>
  /(\d+)\/?$/.exec(value ?? '')?.[1]

const htmlOf = (element: XmlElement | undefined): string => {
  const text = textOf(element)
  return element?.attrs.type === 'text' ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;') : text
}

const titleOf = (entry: XmlElement): string => {
  const title = child(entry, 'title')
  return (title?.attrs.type === 'html' ? htmlToPlainText(textOf(title)) : textOf(title))
    .replace(/\s+/g, ' ')
    .trim()
}

const authorsOf = (entry: XmlElement): ImportedAuthor[] =>
  childrenNamed(entry, 'author')
    .map((author) => ({
      name: childText(author, 'name') ?? '',
      email: realEmail(childText(author, 'email')),
    }))
    .filter((author) => author.name && author.name !== 'Unknown')
    .map(({ name, email }) => (email ? { name, email } : { name }))

/** Takeout exports mark a deleted entry with `<blogger:trashed>`, which has a date when it is trashed. */
const trashed = (entry: XmlElement): boolean => Boolean(childText(entry, 'blogger:trashed'))

function postStatus(entry: XmlElement): OriginalStatus | 'trashed' {
  const status = childText(entry, 'blogger:status')?.toUpperCase()
  if (status === 'DELETED' || status === 'SOFT_TRASHED' || trashed(entry)) return 'trashed'
  if (status === 'DRAFT') return 'draft'
  if (status === 'SCHEDULED') return 'scheduled'
  const draft = childText(child(entry, 'app:control') ?? entry, 'app:draft')
  return draft === 'yes' ? 'draft' : 'published'
}

function commentStatus(entry: XmlElement): CommentStatus | 'trashed' {
  const status = childText(entry, 'blogger:status')?.toUpperCase()
  if (status === 'SPAM_COMMENT' || status === 'SPAM') return 'spam'
  if (status === 'PENDING') return 'pending'
  if (status === 'DELETED' || status === 'SOFT_TRASHED' || trashed(entry)) return 'trashed'
  if (childText(child(entry, 'app:control') ?? entry, 'app:draft') === 'yes') return 'pending'
  const removed = childrenNamed(entry, 'gd:extendedProperty').some(
    (p) => p.attrs.name === 'blogger.contentRemoved' && p.attrs.value === 'true',
  )
  return removed ? 'rejected' : 'approved'
}

/** The post a comment belongs to: `thr:in-reply-to ref` (classic export) or `<blogger:parent>`. */
const commentPostId = (entry: XmlElement): string | undefined =>
  child(entry, 'thr:in-reply-to')?.attrs.ref ?? childText(entry, 'blogger:parent')

/** The comment a reply answers: a `related` link to its feed URL, or `<blogger:inReplyTo>`. */
const commentParent = (entry: XmlElement): string | undefined =>
  trailingId(
    childrenNamed(entry, 'link').find((link) => link.attrs.rel === 'related')?.attrs.href ??
      childText(entry, 'blogger:inReplyTo'),
  )

/** A Blogger Atom export: posts with their labels, authors and threaded comments. */
export function parseBlogger(feed: XmlElement): ParsedFile {
  if (feed.name !== 'feed')
    throw new ImportInputError(
      `not a Blogger export: the root element is <${feed.name}>, not <feed>`,
    )
  const entries = childrenNamed(feed, 'entry')
  const kinds = entries.map(kindOf)
  if (!kinds.some((kind) => kind === 'post' || kind === 'comment')) {
    throw new ImportInputError(
      'not a Blogger export: no entry is a post or comment (category term …kind#post)',
    )
  }
  const blogUrl = childrenNamed(feed, 'link').find((link) => link.attrs.rel === 'alternate')?.attrs
    .href

  const comments = new Map<string, ImportedComment[]>()
  entries.forEach((entry, index) => {
    if (kinds[index] !== 'comment') return
    const postId = commentPostId(entry)
    const status = commentStatus(entry)
    const body = htmlToPlainText(htmlOf(child(entry, 'content')))
    if (!postId || status === 'trashed' || !body) return
    const [author] = authorsOf(entry)
    const comment: ImportedComment = {
      key: trailingId(childText(entry, 'id')) ?? `c${index}`,
      ...(commentParent(entry) ? { parentKey: commentParent(entry) } : {}),
      authorName: author?.name ?? 'Anonymous',
      ...(author?.email ? { authorEmail: author.email } : {}),
      date:
        parseLooseDate(childText(entry, 'published') ?? childText(entry, 'blogger:created')) ??
        new Date(0).toISOString(),
      body,
      status,
    }
    comments.set(postId, [...(comments.get(postId) ?? []), comment])
  })

  const posts: ImportedPost[] = []
  const skipped: SkippedEntry[] = []
  entries.forEach((entry, index) => {
    const kind = kinds[index]
    const title = titleOf(entry)
    if (kind === 'page')
      skipped.push({ title: title || '(untitled page)', reason: 'a page, not a post' })
    if (kind !== 'post') return
    const id = childText(entry, 'id')
    const status = postStatus(entry)
    if (!id) {
      skipped.push({ title: title || '(untitled)', reason: 'the entry has no <id>' })
      return
    }
    if (status === 'trashed') {
      skipped.push({ title: title || '(untitled)', reason: 'deleted on the old blog' })
      return
    }
    const alternate = childrenNamed(entry, 'link').find((link) => link.attrs.rel === 'alternate')
      ?.attrs.href
    const filename = childText(entry, 'blogger:filename')
    const originalUrl =
      alternate ?? (filename && blogUrl ? new URL(filename, blogUrl).href : undefined)
    const publishedAt = parseLooseDate(
      childText(entry, 'published') ?? childText(entry, 'blogger:created'),
    )
    const body = blocksFromHtml(htmlOf(child(entry, 'content')), {
      baseUrl: originalUrl ?? blogUrl,
    })
    const notes: string[] = []
    if (!title) notes.push('untitled on the old blog; the title was made from its first words')
    const labels = childrenNamed(entry, 'category')
      .filter((category) => category.attrs.scheme === LABEL_SCHEME)
      .map((category) => category.attrs.term ?? '')
    posts.push({
      importKey: `blogger:${id}`,
      title: title || fallbackTitle(body, publishedAt),
      ...(childText(entry, 'summary')
        ? { summary: htmlToPlainText(htmlOf(child(entry, 'summary'))) }
        : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(originalUrl ? { originalUrl } : {}),
      authors: authorsOf(entry),
      tags: cleanTags(labels, notes),
      body,
      comments: comments.get(id) ?? [],
      status,
      commentsEnabled: true,
      notes,
    })
  })
  return { format: 'blogger', posts, skipped }
}
