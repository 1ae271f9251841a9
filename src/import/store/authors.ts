import { AUTHORS, USERS } from '../../collections/slugs'
import { idOf } from '../../lib/ids'
import type { ImportedAuthor } from '../types'
import type { ImportContext, PostScope } from './context'
import { uniqueSlug } from './slugs'

/** Credited when a post names nobody (and no --author is given). */
export const UNKNOWN_AUTHOR = 'Unknown author'

const nameKey = (name: string) => `name:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`
const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`

/** Loads every author once: by name, and by the email of the account an author is linked to. */
export async function loadAuthors(ctx: ImportContext): Promise<void> {
  const [{ docs: authors }, { docs: users }] = await Promise.all([
    ctx.payload.find({
      collection: AUTHORS,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { name: true, user: true },
    }),
    ctx.payload.find({
      collection: USERS,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { email: true },
    }),
  ])
  const emails = new Map(users.map((user) => [String(user.id), user.email]))
  for (const author of authors) {
    if (!ctx.authors.has(nameKey(author.name))) ctx.authors.set(nameKey(author.name), author.id)
    const email = emails.get(String(idOf(author.user)))
    if (email) ctx.authors.set(emailKey(email), author.id)
  }
}

/**
 * The ids of a post's authors: found by email (an author linked to the account with that email)
 * or by name, created otherwise; `--author` overrides them all.
 */
export async function resolveAuthors(
  scope: PostScope,
  imported: ImportedAuthor[],
): Promise<(number | string)[]> {
  const { ctx, req } = scope
  if (ctx.forcedAuthor !== undefined) return [ctx.forcedAuthor]
  const wanted = imported.length ? imported : [{ name: UNKNOWN_AUTHOR }]
  const ids: (number | string)[] = []
  for (const author of wanted) {
    const name = author.name.replace(/\s+/g, ' ').trim().slice(0, 100) || UNKNOWN_AUTHOR
    const known =
      (author.email && ctx.authors.get(emailKey(author.email))) ?? ctx.authors.get(nameKey(name))
    let id = known
    if (id === undefined) {
      const slug = await uniqueSlug(scope, AUTHORS, name)
      id = ctx.dryRun
        ? -ctx.nextFakeId()
        : (
            await ctx.payload.create({
              collection: AUTHORS,
              data: { name, slug },
              depth: 0,
              overrideAccess: true,
              req,
            })
          ).id
      ctx.authors.stage(nameKey(name), id)
      ctx.authorTally.created.add(id)
    } else if (!ctx.authorTally.created.has(id)) ctx.authorTally.reused.add(id)
    if (author.email) ctx.authors.stage(emailKey(author.email), id)
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}
