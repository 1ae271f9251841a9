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

const POST_STATUS: Record<string, OriginalStatus> = {
  publish: 'published',
  draft: 'draft',
  pending: 'pending',
  private: 'private',
  future: 'scheduled',
}

const COMMENT_STATUS: Record<string, CommentStatus> = {
  '1': 'approved',
  '0': 'pending',
  spam: 'spam',
  trash: 'rejected',
  'post-trashed': 'rejected',
}

/** The blog's authors by login (`dc:creator` names the login). */
function authorsByLogin(channel: XmlElement): Map<string, ImportedAuthor> {
  const authors = new Map<string, ImportedAuthor>()
  for (const author of childrenNamed(channel, 'wp:author')) {
    const login = childText(author, 'wp:author_login')
    if (!login) continue
    const full = [
      childText(author, 'wp:author_first_name'),
      childText(author, 'wp:author_last_name'),
    ]
      .filter(Boolean)
      .join(' ')
    const name = childText(author, 'wp:author_display_name') ?? (full || login)
    const email = realEmail(childText(author, 'wp:author_email'))
    authors.set(login, email ? { name, email } : { name })
  }
  return authors
}

function commentsOf(item: XmlElement): { comments: ImportedComment[]; pings: number } {
  const comments: ImportedComment[] = []
  let pings = 0
  for (const comment of childrenNamed(item, 'wp:comment')) {
    const type = childText(comment, 'wp:comment_type')
    if (type === 'pingback' || type === 'trackback') {
      pings++
      continue
    }
    const status = COMMENT_STATUS[childText(comment, 'wp:comment_approved') ?? '1'] ?? 'pending'
    const body = htmlToPlainText(textOf(child(comment, 'wp:comment_content')))
    const key = childText(comment, 'wp:comment_id')
    if (!body || !key) continue
    const parent = childText(comment, 'wp:comment_parent')
    const email = realEmail(childText(comment, 'wp:comment_author_email'))
    comments.push({
      key,
      ...(parent && parent !== '0' ? { parentKey: parent } : {}),
      authorName: childText(comment, 'wp:comment_author') ?? 'Anonymous',
      ...(email ? { authorEmail: email } : {}),
      date:
        parseLooseDate(childText(comment, 'wp:comment_date_gmt')) ??
        parseLooseDate(childText(comment, 'wp:comment_date')) ??
        new Date(0).toISOString(),
      body,
      status,
    })
  }
  return { comments, pings }
}

/** A WordPress export (WXR): posts (not pages or attachments), their categories, tags and comments. */
export function parseWordPress(rss: XmlElement): ParsedFile {
  const channel = rss.name === 'rss' ? child(rss, 'channel') : undefined
  if (!channel || !(rss.attrs['xmlns:wp'] || childText(channel, 'wp:wxr_version'))) {
    throw new ImportInputError(
      `not a WordPress export: expected <rss> with a <channel> in the WXR namespace (wp:), found <${rss.name}>`,
    )
  }
  const authors = authorsByLogin(channel)
  const baseUrl = childText(channel, 'wp:base_blog_url') ?? childText(channel, 'link')
  const posts: ImportedPost[] = []
  const skipped: SkippedEntry[] = []
  for (const item of childrenNamed(channel, 'item')) {
    const type = childText(item, 'wp:post_type') ?? 'post'
    const title = (childText(item, 'title') ?? '').replace(/\s+/g, ' ')
    if (type === 'page')
      skipped.push({ title: title || '(untitled page)', reason: 'a page, not a post' })
    if (type !== 'post') continue
    const wpStatus = childText(item, 'wp:status') ?? 'publish'
    if (wpStatus === 'trash' || wpStatus === 'auto-draft') {
      skipped.push({
        title: title || '(untitled)',
        reason: wpStatus === 'trash' ? 'in the trash on the old blog' : 'an unsaved auto-draft',
      })
      continue
    }
    const guid = childText(item, 'guid')
    const postId = childText(item, 'wp:post_id')
    if (!guid && !postId) {
      skipped.push({
        title: title || '(untitled)',
        reason: 'the item has neither <guid> nor <wp:post_id>',
      })
      continue
    }
    const originalUrl = childText(item, 'link')
    const publishedAt =
      parseLooseDate(childText(item, 'wp:post_date_gmt')) ??
      parseLooseDate(childText(item, 'pubDate')) ??
      parseLooseDate(childText(item, 'wp:post_date'))
    const body = blocksFromHtml(textOf(child(item, 'content:encoded')), {
      baseUrl: originalUrl ?? baseUrl,
      blankLinesAreParagraphs: true,
    })
    const notes: string[] = []
    if (!title) notes.push('untitled on the old blog; the title was made from its first words')
    if (childText(item, 'wp:post_password')) notes.push('password-protected on the old blog')
    const { comments, pings } = commentsOf(item)
    if (pings)
      notes.push(
        pings === 1
          ? '1 pingback or trackback left out'
          : `${pings} pingbacks and trackbacks left out`,
      )
    const login = childText(item, 'dc:creator')
    const author = login ? (authors.get(login) ?? { name: login }) : undefined
    const excerpt = htmlToPlainText(textOf(child(item, 'excerpt:encoded')))
    const categories = childrenNamed(item, 'category')
      .filter(
        (category) => category.attrs.domain === 'category' || category.attrs.domain === 'post_tag',
      )
      .map((category) => textOf(category))
    posts.push({
      importKey: `wordpress:${guid ?? `post-${postId}`}`,
      title: title || fallbackTitle(body, publishedAt),
      ...(excerpt ? { summary: excerpt } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(originalUrl ? { originalUrl } : {}),
      authors: author ? [author] : [],
      tags: cleanTags(categories, notes),
      body,
      comments,
      status: childText(item, 'wp:post_password') ? 'private' : (POST_STATUS[wpStatus] ?? 'draft'),
      commentsEnabled: childText(item, 'wp:comment_status') !== 'closed',
      notes,
    })
  }
  return { format: 'wordpress', posts, skipped }
}
