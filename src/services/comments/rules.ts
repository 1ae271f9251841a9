import { createHmac } from 'node:crypto'

import type { Comment } from '../../payload-types'

/**
 * The rules for reader comments as pure functions (no Payload import): which fields a submission
 * may set, their bounds, the link rule and the sender's keyed hash.
 */

/** The statuses declared by the comments collection (COMMENT_STATUSES), as generated. */
export type Status = NonNullable<Comment['status']>

/** Who is creating a comment: a reader (anonymous or a signed-in non-staff account), the desk, or server code (overrideAccess). */
export type Submitter = 'reader' | 'staff' | 'server'

export type FieldError = { path: string; message: string }

/** A form field no person sees; a bot that fills it in is refused. Never stored. */
export const HONEYPOT = 'website'

/** More links than this in one comment holds it as spam for a moderator to review. */
export const MAX_LINKS = 2

export const LIMITS = { authorName: 100, authorEmail: 254, body: 5000 } as const

/** The fields a comment is created from; anything else a client sends (id, createdAt, moderation record…) is dropped. */
const READER_FIELDS = ['article', 'parent', 'authorName', 'authorEmail', 'body'] as const
const STAFF_FIELDS = [...READER_FIELDS, 'status'] as const

export const MESSAGES = {
  article: 'Name the article to comment on (its id).',
  authorName: `Give a name of 1 to ${LIMITS.authorName} characters.`,
  authorEmailMissing: 'Give an email address (it is never shown).',
  authorEmail: `Give a valid email address of at most ${LIMITS.authorEmail} characters.`,
  body: `Write a comment of 1 to ${LIMITS.body.toLocaleString('en')} characters.`,
  parent: 'A reply must answer an approved comment on the same article.',
  honeypot: 'Leave this field empty.',
  notAnObject:
    'Send the comment as a JSON object: {"article", "authorName", "authorEmail", "body", "parent"?}.',
} as const

export const submitterFor = (isStaff: boolean, overrideAccess: boolean | undefined): Submitter =>
  overrideAccess === true ? 'server' : isStaff ? 'staff' : 'reader'

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const honeypotFilled = (data: Record<string, unknown>): boolean => {
  const value = data[HONEYPOT]
  return value !== undefined && value !== null && String(value).trim() !== ''
}

/** Only the fields a submitter may set; the desk may also set the status. */
export function pickSubmission(
  data: Record<string, unknown>,
  submitter: Exclude<Submitter, 'server'>,
): Record<string, unknown> {
  const allowed: readonly string[] = submitter === 'staff' ? STAFF_FIELDS : READER_FIELDS
  return Object.fromEntries(Object.entries(data).filter(([key]) => allowed.includes(key)))
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const trimmed = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : undefined

/**
 * Checks and trims name, email and body. The email is required from readers only (the desk and
 * server code may post without one).
 */
export function checkFields(
  data: Record<string, unknown>,
  { emailRequired }: { emailRequired: boolean },
): { values: { authorName?: string; authorEmail?: string; body?: string }; errors: FieldError[] } {
  const errors: FieldError[] = []
  const authorName = trimmed(data.authorName)
  if (!authorName || authorName.length > LIMITS.authorName)
    errors.push({ path: 'authorName', message: MESSAGES.authorName })

  const email = data.authorEmail
  const authorEmail = trimmed(email)
  if (email === undefined || email === null || authorEmail === '') {
    if (emailRequired) errors.push({ path: 'authorEmail', message: MESSAGES.authorEmailMissing })
  } else if (!authorEmail || authorEmail.length > LIMITS.authorEmail || !EMAIL.test(authorEmail)) {
    errors.push({ path: 'authorEmail', message: MESSAGES.authorEmail })
  }

  const body = trimmed(data.body)
  if (!body || body.length > LIMITS.body) errors.push({ path: 'body', message: MESSAGES.body })

  const values = { authorName, body, ...(authorEmail ? { authorEmail } : {}) }
  return { values, errors }
}

/** A link is an http(s):// address or a bare www. one; "https://www.x.org" counts once. */
const LINK = /(?:https?:\/\/|(?<![\w.@-])www\.)\S*/gi

export const countLinks = (text: string): number => text.match(LINK)?.length ?? 0

/** The status a reader's comment is stored with: held for moderation, or as spam when it is mostly links. */
export const readerStatus = (body: string): Status =>
  countLinks(body) > MAX_LINKS ? 'spam' : 'pending'

/**
 * Identifies a sender (client IP + lowercased email) without storing either: an HMAC under a key
 * derived from the server secret, so the hash cannot be reversed or matched elsewhere.
 */
export function senderHash(secret: string, ip: string, email: string): string {
  const key = createHmac('sha256', secret).update('newsroom:comment-sender').digest()
  return createHmac('sha256', key).update(`${ip}\n${email.trim().toLowerCase()}`).digest('hex')
}

/** How long the same text from the same sender counts as a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000
