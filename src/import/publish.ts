import type { Payload } from 'payload'

import { hasRole, isAdmin } from '../access/roles'
import { AUTHORS, USERS } from '../collections/slugs'
import { idOf } from '../lib/ids'
import type { User } from '../payload-types'
import { transitionAs } from '../services/workflow/transition'
import { ImportSetupError } from './setupError'

/** Who publishes imported posts: an admin submits; another admin or publisher approves and publishes (four-eyes). */
export type Publishers = { submitter: User; approvers: User[] }

/** The acting admin (`--as <email>`, else the first admin) and the accounts that may approve what it submits. */
export async function findPublishers(
  payload: Payload,
  asEmail: string | undefined,
): Promise<Publishers> {
  const { docs: users } = await payload.find({
    collection: USERS,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'createdAt',
  })
  const submitter = asEmail
    ? users.find((user) => user.email.toLowerCase() === asEmail.trim().toLowerCase())
    : users.find(isAdmin)
  if (!submitter) {
    throw new ImportSetupError(
      asEmail
        ? `--as ${asEmail}: no account with that email.`
        : '--publish-as-is needs an admin account to act as; there is none (create one, or import drafts without --publish-as-is).',
    )
  }
  if (!isAdmin(submitter)) {
    throw new ImportSetupError(
      `--publish-as-is acts as an admin; ${submitter.email} is ${submitter.roles?.join(', ') || 'no role'}. Use --as <an admin's email>.`,
    )
  }
  const approvers = users.filter(
    (user) => user.id !== submitter.id && hasRole(user, 'admin', 'publisher'),
  )
  if (!approvers.length) {
    throw new ImportSetupError(
      `--publish-as-is needs a second admin or publisher besides ${submitter.email}: the four-eyes rule lets nobody approve what they submitted. Create one, or import drafts.`,
    )
  }
  return { submitter, approvers }
}

/**
 * Takes an imported draft live through the real workflow (submit, approve, publish), each step
 * recorded in its audit trail with `note`. Returns what happened, in words for the report.
 */
export async function publishImported(
  payload: Payload,
  publishers: Publishers,
  article: { id: number | string; reviewState: string },
  note: string,
): Promise<string> {
  if (article.reviewState === 'published') return 'already published'
  if (article.reviewState !== 'draft')
    return `left "${article.reviewState}" (only drafts are published as is)`
  const doc = await payload.findByID({
    collection: 'articles',
    id: article.id,
    draft: true,
    depth: 0,
    overrideAccess: true,
  })
  const authorIds = (doc.authors ?? []).map(idOf)
  const { docs: authors } = await payload.find({
    collection: AUTHORS,
    where: { id: { in: authorIds } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const authorUsers = new Set(authors.map((author) => String(idOf(author.user))))
  const approver = publishers.approvers.find((user) => !authorUsers.has(String(user.id)))
  if (!approver)
    return 'not published: every admin and publisher besides the submitter is an author of it (four-eyes rule)'
  try {
    await transitionAs(
      payload,
      publishers.submitter,
      { id: article.id, action: 'submit', note },
      { notify: false },
    )
    await transitionAs(
      payload,
      approver,
      { id: article.id, action: 'approve', note },
      { notify: false },
    )
    await transitionAs(
      payload,
      approver,
      { id: article.id, action: 'publish', note },
      { notify: false },
    )
    return 'published'
  } catch (error) {
    return `not published: ${error instanceof Error ? error.message : String(error)}`
  }
}
