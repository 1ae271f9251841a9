/** The desk's accounts, the authors (bylines) and the sources articles quote. */
import type { Payload } from 'payload'

import { DEMO_AUTHORS, DEMO_USERS } from '../../src/seed/demoContent'
import type { Desk, Id } from './articles'
import { authorProfile, distinct, personName, sourceProfiles } from './content'
import type { SeedUsers } from './options'
import type { Random } from './random'
import type { SeedWriter } from './writer'

/** The demo's four accounts, through the Local API (password hashing, first-user rules). */
export async function createAccounts(payload: Payload, password: string): Promise<SeedUsers> {
  const created: Partial<SeedUsers> = {}
  for (const user of DEMO_USERS) {
    const doc = await payload.create({ collection: 'users', data: { ...user, password } })
    created[user.roles[0] as keyof SeedUsers] = {
      id: doc.id,
      email: user.email,
      password,
      name: user.name,
      roles: user.roles,
    }
  }
  return created as SeedUsers
}

export const deskOf = (users: SeedUsers): Desk => ({
  admin: users.admin.id,
  publisher: users.publisher.id,
  editor: users.editor.id,
  contributor: users.contributor.id,
})

/**
 * The contributor and the editor write under their demo bylines (linked accounts, so the
 * contributor reads their own articles); the rest are generated. The linked ones sit a little way
 * down the list, so they write a typical share of the articles rather than the most. Nobody links
 * the publisher or the admin: they approve, so they must not be authors (four-eyes).
 */
export async function writeAuthors(writer: SeedWriter, random: Random, count: number, desk: Desk) {
  const accounts: Record<string, Id> = {
    'contributor@example.com': desk.contributor,
    'editor@example.com': desk.editor,
  }
  const linked = DEMO_AUTHORS.filter((author) => author.user && author.user in accounts)
  const names = distinct(
    count - linked.length,
    () => personName(random),
    linked.map((author) => author.name),
  )
  const profiles = names.map((name) => ({
    ...authorProfile(random, name),
    user: null as Id | null,
  }))
  linked.forEach((author, index) => {
    const profile = {
      ...authorProfile(random, author.name),
      bio: author.bio,
      user: accounts[author.user!],
    }
    profiles.splice(Math.min(profiles.length, 5 + index * 5), 0, profile)
  })
  const ids = await writer.ids('authors', profiles.length)
  const docs = profiles.map((profile, index) => ({
    ...profile,
    id: ids[index],
    links: profile.links.map((link) => ({ id: writer.arrayRowId(), ...link })),
    photo: null,
  }))
  await writer.transaction(async (req) => {
    for (const doc of docs) await writer.create('authors', doc, req)
  })
  return docs.map((doc) => ({ id: doc.id, slug: doc.slug, user: doc.user ?? undefined }))
}

export async function writeSources(writer: SeedWriter, random: Random, count: number) {
  const profiles = sourceProfiles(random, count)
  const ids = await writer.ids('sources', profiles.length)
  const docs = profiles.map((profile, index) => ({ ...profile, id: ids[index] }))
  await writer.transaction(async (req) => {
    for (const doc of docs) await writer.create('sources', doc, req)
  })
  return docs.map((doc) => ({ id: doc.id, slug: doc.slug }))
}
