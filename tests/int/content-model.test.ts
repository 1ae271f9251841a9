import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import { NO_ROLE_MESSAGE } from '../../src/fields/validateRoles'
import { body, createArticle, createAuthor, createSource, createUser } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

let payload: Payload
let admin: User
let editor: User
let contributor: User

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await createUser(payload, ['admin'])
  editor = await createUser(payload, ['editor'])
  contributor = await createUser(payload, ['contributor'])
})

describe('users', () => {
  it('lets only admins create users', async () => {
    const data = {
      email: 'new@example.test',
      password: 'secret-123456',
      name: 'New',
      roles: ['contributor' as const],
    }
    await expect(
      payload.create({ collection: 'users', data, user: editor, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/i)
    const created = await payload.create({
      collection: 'users',
      data,
      user: admin,
      overrideAccess: false,
    })
    expect(created.roles).toEqual(['contributor'])
  })

  it('gives a new account exactly the roles chosen, and refuses one without any', async () => {
    const data = (email: string) => ({ email, password: 'secret-123456', name: 'New' })
    const editorAccount = await payload.create({
      collection: 'users',
      data: { ...data('chosen-editor@example.test'), roles: ['editor'] },
      user: admin,
      overrideAccess: false,
    })
    expect(editorAccount.roles).toEqual(['editor'])

    for (const roles of [undefined, []]) {
      const error = await payload
        .create({
          collection: 'users',
          // The generated type requires roles; the test sends what a client might.
          data: { ...data('no-role@example.test'), roles } as unknown as Omit<User, 'id'>,
          user: admin,
          overrideAccess: false,
        })
        .catch((e) => e)
      expect(error).toMatchObject({ name: 'ValidationError', status: 400 })
      expect(error.data.errors).toEqual([
        { label: 'Roles', message: NO_ROLE_MESSAGE, path: 'roles' },
      ])
    }
  })

  it('does not let anyone but an admin change roles, including their own', async () => {
    // The whole save is refused with a 403 that says why, rather than saved without the roles.
    await expect(
      payload.update({
        collection: 'users',
        id: contributor.id,
        data: { roles: ['admin'], name: 'Not Saved' },
        user: contributor,
        overrideAccess: false,
      }),
    ).rejects.toThrow('Only an admin can change roles; ask an admin.')
    expect(await payload.findByID({ collection: 'users', id: contributor.id })).toMatchObject({
      roles: ['contributor'],
      name: contributor.name,
    })

    const promoted = await payload.update({
      collection: 'users',
      id: contributor.id,
      data: { roles: ['contributor', 'editor'] },
      user: admin,
      overrideAccess: false,
    })
    expect(promoted.roles).toEqual(['contributor', 'editor'])
    await payload.update({
      collection: 'users',
      id: contributor.id,
      data: { roles: ['contributor'] },
      user: admin,
    })
  })

  it('does not let a user edit another user', async () => {
    await expect(
      payload.update({
        collection: 'users',
        id: admin.id,
        data: { name: 'Hacked' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
  })
})

describe('slugs', () => {
  it('derives a lowercase kebab slug from the title and keeps an edited one', async () => {
    const author = await createAuthor(payload, { name: 'Zoë Ångström' })
    expect(author.slug).toBe('zoe-angstrom')
    const article = await createArticle(payload, {
      title: 'Why Rates Rise: A Primer!',
      authors: [author.id],
    })
    expect(article.slug).toBe('why-rates-rise-a-primer')
    const renamed = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: 'Rates Primer' },
      draft: true,
    })
    expect(renamed.slug).toBe('rates-primer')
  })

  it('refuses a duplicate slug as a validation error on the slug field', async () => {
    const author = await createAuthor(payload)
    await createArticle(payload, { title: 'Same title', authors: [author.id] })
    const error = await createArticle(payload, { title: 'Same title', authors: [author.id] }).catch(
      (e) => e,
    )
    expect(error?.name).toBe('ValidationError')
    expect(error?.status).toBe(400)
    expect(JSON.stringify(error?.data)).toMatch(/slug/)
  })

  it('refuses a duplicate source name', async () => {
    await createSource(payload, { name: 'Reuters' })
    const error = await createSource(payload, { name: 'Reuters' }).catch((e) => e)
    expect(error?.status).toBe(400)
    // Both name and the slug derived from it are unique; the first violated one is named.
    expect(JSON.stringify(error?.data)).toMatch(/"path":"(name|slug)"/)
  })
})

describe('articles', () => {
  it('requires a title of at most 200 characters and at least one author', async () => {
    const error = await payload
      .create({
        collection: 'articles',
        data: { title: 'x'.repeat(201), authors: [] },
        draft: false,
      })
      .catch((e) => e)
    expect(error?.status).toBe(400)
    const paths = (error?.data?.errors ?? []).map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['title', 'authors']))
  })

  it('adds every source cited in a Quote block to the article sources', async () => {
    const [author, reuters, imf, manual] = await Promise.all([
      createAuthor(payload),
      createSource(payload, { name: 'Agency A' }),
      createSource(payload, { name: 'Fund B', kind: 'international_org' }),
      createSource(payload, { name: 'Paper C', kind: 'newspaper' }),
    ])
    const article = await createArticle(payload, {
      authors: [author.id],
      sources: [manual.id],
      body: body(
        'Intro.',
        { quote: 'Rates will rise.', source: reuters.id },
        { quote: 'Growth slows.', source: imf.id },
      ),
    })
    const ids = (article.sources ?? []).map((s) => (typeof s === 'object' ? s.id : s))
    expect(ids.sort()).toEqual([manual.id, reuters.id, imf.id].sort())
  })

  it('refuses a Quote block without a source', async () => {
    const author = await createAuthor(payload)
    const quoteless = body({ quote: 'Unattributed.', source: '' as unknown as number })
    const error = await createArticle(
      payload,
      { authors: [author.id], body: quoteless },
      'published',
    ).catch((e) => e)
    expect(error?.status).toBe(400)
  })

  it('normalises tags to trimmed lowercase without duplicates', async () => {
    const author = await createAuthor(payload)
    const article = await createArticle(payload, {
      authors: [author.id],
      tags: [' Economy', 'economy', 'EU '],
    })
    expect(article.tags).toEqual(['economy', 'eu'])
  })

  it('shows anonymous readers and contributors only published articles', async () => {
    const author = await createAuthor(payload)
    const live = await createArticle(
      payload,
      { title: 'Visible piece', authors: [author.id] },
      'published',
    )
    const hidden = await createArticle(
      payload,
      { title: 'Hidden piece', authors: [author.id] },
      'draft',
    )
    const anonymous = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      limit: 100,
    })
    const ids = anonymous.docs.map((a) => a.id)
    expect(ids).toContain(live.id)
    expect(ids).not.toContain(hidden.id)
    expect(anonymous.docs.every((a) => a._status === 'published')).toBe(true)

    const staffView = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      user: editor,
      limit: 100,
      draft: true,
    })
    expect(staffView.docs.map((a) => a.id)).toContain(hidden.id)
  })
})

describe('comments', () => {
  it('holds a reader comment as pending even when it claims to be approved, and hides the email', async () => {
    const author = await createAuthor(payload)
    const article = await createArticle(payload, { authors: [author.id] }, 'published')
    const comment = await payload.create({
      collection: 'comments',
      overrideAccess: false,
      data: {
        article: article.id,
        authorName: 'Reader',
        authorEmail: 'reader@example.test',
        body: 'Nice.',
        status: 'approved',
      },
    })
    expect(comment.status).toBe('pending')
    expect(comment).not.toHaveProperty('authorEmail')

    const anonymous = await payload.find({
      collection: 'comments',
      overrideAccess: false,
      where: { article: { equals: article.id } },
    })
    expect(anonymous.totalDocs).toBe(0)

    const moderated = await payload.update({
      collection: 'comments',
      id: comment.id,
      data: { status: 'approved' },
      user: editor,
      overrideAccess: false,
    })
    expect(moderated.status).toBe('approved')
    expect(moderated.authorEmail).toBe('reader@example.test')
    const visible = await payload.find({
      collection: 'comments',
      overrideAccess: false,
      where: { article: { equals: article.id } },
    })
    expect(visible.docs.map((c) => c.id)).toEqual([comment.id])
    expect(visible.docs[0]).not.toHaveProperty('authorEmail')
  })

  it('refuses a comment on an unpublished article and a reply to a comment on another article', async () => {
    const author = await createAuthor(payload)
    const draft = await createArticle(payload, { authors: [author.id] }, 'draft')
    const draftComment = await payload
      .create({
        collection: 'comments',
        overrideAccess: false,
        data: { article: draft.id, authorName: 'R', body: 'Hi' },
      })
      .catch((e) => e)
    expect(draftComment?.status).toBe(404)
    expect(draftComment?.message).toMatch(/No published article/)

    const [a, b] = await Promise.all([
      createArticle(payload, { authors: [author.id] }, 'published'),
      createArticle(payload, { authors: [author.id] }, 'published'),
    ])
    const onA = await payload.create({
      collection: 'comments',
      data: { article: a.id, authorName: 'R', body: 'On A', status: 'approved' },
    })
    const crossReply = await payload
      .create({
        collection: 'comments',
        overrideAccess: false,
        data: { article: b.id, parent: onA.id, authorName: 'R', body: 'Reply' },
      })
      .catch((e) => e)
    expect(crossReply?.status).toBe(400)
    expect(JSON.stringify(crossReply?.data)).toMatch(/same article/)
  })

  it('limits a comment body to 5,000 characters', async () => {
    const author = await createAuthor(payload)
    const article = await createArticle(payload, { authors: [author.id] }, 'published')
    const error = await payload
      .create({
        collection: 'comments',
        overrideAccess: false,
        data: { article: article.id, authorName: 'R', body: 'x'.repeat(5001) },
      })
      .catch((e) => e)
    expect(error?.status).toBe(400)
  })
})
