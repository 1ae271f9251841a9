import { createLocalReq, docAccessOperation, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { AUTHOR_NEEDED } from '../../src/fields/validateAuthors'
import type { Article, User } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import { lockedEditMessage } from '../../src/workflow'
import { body, createAuthor, createSource, createUser } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

/** Editing an article: what a draft may hold, what the server fills in, who may change it when. */

let payload: Payload
let contributor: User
let editor: User
let profileId: number
let sourceId: number

const latest = (id: Article['id']) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })

const contributorDraft = (data: Partial<Article> = {}) =>
  payload.create({
    collection: 'articles',
    data: { title: `Piece ${Math.random()}`, dek: 'A standfirst', ...data },
    user: contributor,
    overrideAccess: false,
    depth: 0,
    draft: true,
  })

/** What the admin asks to decide whether the edit view is editable: the article as `data`. */
async function mayUpdateInAdmin(user: User, article: Article): Promise<boolean> {
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const permissions = await docAccessOperation({
    id: article.id,
    collection: payload.collections.articles,
    data: { ...article, _status: 'draft' },
    req,
  })
  return Boolean(permissions.update)
}

beforeAll(async () => {
  payload = await getTestPayload()
  contributor = await createUser(payload, ['contributor'], 'Kim Contributor')
  editor = await createUser(payload, ['editor'], 'Ed Editor')
  profileId = (await createAuthor(payload, { name: 'Kim Byline', user: contributor.id })).id
  sourceId = (await createSource(payload, { name: 'Harbour Office' })).id
})

describe('a draft with an unfinished Quote block', () => {
  it('saves (autosave included) with a quote that has no source or text yet, and submission names the block', async () => {
    const article = await contributorDraft({ body: body('Text.') })
    const unfinished = body(
      'Text.',
      { quote: 'Sourced.', source: sourceId },
      { quote: '', source: null as unknown as number },
    )
    const saved = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { body: unfinished },
      draft: true,
      autosave: true,
      user: contributor,
      overrideAccess: false,
      depth: 0,
    })
    expect(saved.body).toEqual(unfinished)
    await expect(
      transitionAs(payload, contributor, { id: article.id, action: 'submit' }),
    ).rejects.toThrow(
      'Cannot submit: Quote block 2 has no quoted text and Quote block 2 names no source.',
    )
    expect((await latest(article.id)).reviewState).toBe('draft')
  })
})

describe('what the server fills in', () => {
  it("gives a contributor's new article its slug and the contributor's author profile", async () => {
    const article = await contributorDraft({ title: 'Ferry timetable changes' })
    expect(article.slug).toBe('ferry-timetable-changes')
    expect(article.authors).toEqual([profileId])
  })

  it('refuses a save that leaves an article without any author, saying so', async () => {
    const error = await payload
      .create({
        collection: 'articles',
        data: { title: 'Nobody wrote this' },
        user: editor,
        overrideAccess: false,
        draft: true,
      })
      .catch((e) => e)
    expect(error.status).toBe(400)
    expect(JSON.stringify(error.data)).toContain(AUTHOR_NEEDED)

    const mine = await contributorDraft()
    const emptied = await payload
      .update({
        collection: 'articles',
        id: mine.id,
        data: { authors: [] },
        user: contributor,
        overrideAccess: false,
        draft: true,
      })
      .catch((e) => e)
    expect(emptied.status).toBe(400)
    expect((await latest(mine.id)).authors).toEqual([profileId])
  })
})

describe('an article in review, for its contributor', () => {
  it('is read-only in the admin while in review, and editable again once withdrawn', async () => {
    const article = await contributorDraft({
      body: body('Text.', { quote: 'Q.', source: sourceId }),
    })
    expect(await mayUpdateInAdmin(contributor, await latest(article.id))).toBe(true)
    await transitionAs(payload, contributor, { id: article.id, action: 'submit' })
    expect(await mayUpdateInAdmin(contributor, await latest(article.id))).toBe(false)
    expect(await mayUpdateInAdmin(editor, await latest(article.id))).toBe(true)
    await transitionAs(payload, contributor, { id: article.id, action: 'withdraw' })
    expect(await mayUpdateInAdmin(contributor, await latest(article.id))).toBe(true)
  })

  it("answers a save that sends the whole article back (as the admin form does) in the edit rule's words", async () => {
    const article = await contributorDraft({
      body: body('Text.', { quote: 'Q.', source: sourceId }),
    })
    await transitionAs(payload, contributor, { id: article.id, action: 'submit' })
    const { id: _id, ...whole } = await latest(article.id)
    const error = await payload
      .update({
        collection: 'articles',
        id: article.id,
        data: { ...whole, title: 'Changed in review' },
        user: contributor,
        overrideAccess: false,
        draft: true,
      })
      .catch((e) => e)
    expect(error.status).toBe(403)
    expect(error.message).toBe(lockedEditMessage('in_review'))
    expect((await latest(article.id)).title).toBe(article.title)
  })

  it('says the review state is not theirs to set when a draft is saved claiming to be in review', async () => {
    const article = await contributorDraft()
    const error = await payload
      .update({
        collection: 'articles',
        id: article.id,
        data: { reviewState: 'in_review' },
        user: contributor,
        overrideAccess: false,
        draft: true,
      })
      .catch((e) => e)
    expect(error.status).toBe(403)
    expect(error.message).toMatch(/reviewState is set by the review workflow/)
    expect((await latest(article.id)).reviewState).toBe('draft')
  })
})
