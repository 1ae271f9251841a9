import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { Article, User } from '../../src/payload-types'
import { transitionContext } from '../../src/services/workflow/context'
import { transitionAs } from '../../src/services/workflow/transition'
import type { Action } from '../../src/workflow'
import { body, createArticle, createAuthor, createSource, createUser } from '../helpers/factories'
import { runDueJobs } from '../helpers/jobs'
import { getTestPayload } from '../helpers/payload'

let payload: Payload
let contributor: User
let editor: User
let publisher: User
let publisher2: User
let admin: User
let authorId: number
let sourceId: number

const act = (
  user: User,
  id: Article['id'],
  action: Action,
  extra: { note?: string; publishAt?: string } = {},
) => transitionAs(payload, user, { id, action, ...extra })
const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  )
const latest = (id: Article['id']) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
const live = (id: Article['id']) =>
  payload
    .find({
      collection: 'articles',
      where: { id: { equals: id } },
      overrideAccess: false,
      depth: 0,
    })
    .then((r) => r.docs[0])
const history = (id: Article['id']) =>
  payload
    .find({
      collection: 'workflow-events',
      where: { article: { equals: id } },
      sort: '-seq',
      depth: 0,
    })
    .then((r) => r.docs)

/** A contributor's draft, complete enough to submit. */
const draft = () =>
  payload.create({
    collection: 'articles',
    data: {
      title: `Piece ${Math.random()}`,
      dek: 'A standfirst',
      body: body('Text.', { quote: 'Quoted.', source: sourceId }),
    },
    user: contributor,
    overrideAccess: false,
    depth: 0,
    draft: true,
  })

async function approved(): Promise<Article> {
  const article = await draft()
  await act(contributor, article.id, 'submit')
  await act(publisher, article.id, 'approve')
  return article
}

beforeAll(async () => {
  payload = await getTestPayload()
  ;[contributor, editor, publisher, publisher2, admin] = await Promise.all([
    createUser(payload, ['contributor'], 'Casey Contributor'),
    createUser(payload, ['editor'], 'Eddie Editor'),
    createUser(payload, ['publisher'], 'Pat Publisher'),
    createUser(payload, ['publisher'], 'Pia Publisher'),
    createUser(payload, ['admin'], 'Ada Admin'),
  ])
  authorId = (await createAuthor(payload, { name: 'Casey Contributor', user: contributor.id })).id
  sourceId = (await createSource(payload, { name: 'Wire Service' })).id
})

describe('the review workflow through the Local API with real users', () => {
  it('takes an article from a contributor through an editor and a publisher to the public', async () => {
    const article = await draft()
    expect(article.authors).toEqual([authorId])
    expect(article.reviewState).toBe('draft')
    expect(await live(article.id)).toBeUndefined()

    expect((await act(contributor, article.id, 'submit')).reviewState).toBe('in_review')
    await act(editor, article.id, 'request_changes', { note: 'Tighten the standfirst.' })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { dek: 'Tighter.' },
      user: contributor,
      overrideAccess: false,
    })
    await act(contributor, article.id, 'submit')
    await act(publisher, article.id, 'approve')
    const published = await act(publisher, article.id, 'publish')
    expect(published).toMatchObject({ reviewState: 'published', allowedActions: ['unpublish'] })

    expect(await live(article.id)).toMatchObject({ dek: 'Tighter.', _status: 'published' })
    expect((await history(article.id)).map((e) => e.action)).toEqual([
      'publish',
      'approve',
      'submit',
      'request_changes',
      'submit',
    ])
  })

  it('resets a stale approval when the content changes, records why, and bars the editor from approving', async () => {
    const article = await approved()
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'A better title' },
      user: publisher2,
      overrideAccess: false,
    })
    const after = await latest(article.id)
    expect(after).toMatchObject({ reviewState: 'in_review', approvedBy: null, approvedHash: null })
    const [event] = await history(article.id)
    expect(event).toMatchObject({
      action: 'stale_approval_reset',
      from: 'approved',
      to: 'in_review',
      actor: publisher2.id,
    })
    expect(event.note).toMatch(/title changed after approval/)
    expect(await statusOf(act(publisher2, article.id, 'approve'))).toBe(403)
    expect(await statusOf(act(publisher, article.id, 'approve'))).toBe(200)
  })

  it('cancels a schedule when the content changes while scheduled', async () => {
    const article = await approved()
    await act(publisher, article.id, 'schedule', {
      publishAt: new Date(Date.now() + 3_600_000).toISOString(),
    })
    const jobId = (await latest(article.id)).scheduleJob
    expect(jobId).toBeTruthy()
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { dek: 'Changed while scheduled' },
      user: editor,
      overrideAccess: false,
    })
    expect(await latest(article.id)).toMatchObject({ reviewState: 'in_review', publishAt: null })
    const job = await payload.findByID({ collection: 'payload-jobs', id: jobId!, depth: 0 })
    expect(job.hasError || job.completedAt).toBeTruthy()
    expect((await history(article.id))[0].note).toMatch(/schedule is cancelled/)
  })

  it('keeps the published version live while an edit of it goes through review again', async () => {
    const article = await approved()
    await act(publisher, article.id, 'publish')
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Revised headline' },
      user: editor,
      overrideAccess: false,
    })

    expect((await live(article.id))?.title).toBe(article.title)
    expect(await latest(article.id)).toMatchObject({
      title: 'Revised headline',
      reviewState: 'draft',
    })
    expect((await history(article.id))[0]).toMatchObject({
      action: 'edited_live',
      from: 'published',
      to: 'draft',
    })

    await act(editor, article.id, 'submit')
    expect((await live(article.id))?.title).toBe(article.title)
    await act(publisher, article.id, 'approve')
    await act(publisher, article.id, 'publish')
    expect((await live(article.id))?.title).toBe('Revised headline')
  })

  it('lets a live article be unpublished while a revision of it is in review', async () => {
    const article = await approved()
    await act(publisher, article.id, 'publish')
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Pending revision' },
      user: editor,
      overrideAccess: false,
    })
    await act(editor, article.id, 'submit')
    expect((await act(publisher, article.id, 'unpublish')).reviewState).toBe('unpublished')
    expect(await live(article.id)).toBeUndefined()
  })

  it('treats restoring an old version as an edit: nothing goes live', async () => {
    const article = await approved()
    await act(publisher, article.id, 'publish')
    await act(publisher, article.id, 'unpublish')
    const { docs } = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id }, 'version._status': { equals: 'published' } },
    })
    expect(docs.length).toBeGreaterThan(0)
    const refused = await payload
      .restoreVersion({
        collection: 'articles',
        id: docs[0].id,
        user: publisher,
        overrideAccess: false,
      })
      .catch((e) => e)
    expect(refused.status).toBe(403)
    expect(refused.message).toMatch(/as a draft/)

    expect(await live(article.id)).toBeUndefined()
    expect((await latest(article.id)).reviewState).toBe('unpublished')
    // Payload's Local API cannot restore as a draft; REST always restores as one (tested over HTTP).
  })

  it('lets exactly one of two racing publishes (or approvals) win; the other gets 409', async () => {
    const article = await approved()
    const publishes = await Promise.all([
      statusOf(act(publisher, article.id, 'publish')),
      statusOf(act(publisher2, article.id, 'publish')),
    ])
    expect(publishes.sort()).toEqual([200, 409])
    expect((await history(article.id)).filter((e) => e.action === 'publish')).toHaveLength(1)

    const second = await draft()
    await act(contributor, second.id, 'submit')
    const approvals = await Promise.all([
      statusOf(act(publisher, second.id, 'approve')),
      statusOf(act(admin, second.id, 'approve')),
    ])
    expect(approvals.sort()).toEqual([200, 409])
  })

  it('never interleaves an edit and a transition into an inconsistent state', async () => {
    const article = await approved()
    await Promise.allSettled([
      act(publisher, article.id, 'publish'),
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { title: 'Racing edit' },
        user: editor,
        overrideAccess: false,
      }),
    ])
    const doc = await latest(article.id)
    const [event] = await history(article.id)
    expect(doc.reviewState).toBe(event.to)
    if (doc.reviewState === 'published') expect((await live(article.id))?.title).toBe(doc.title)
  })
})

describe('scheduled publishing', () => {
  it('publishes through the jobs queue at the scheduled time and records the event', async () => {
    const article = await approved()
    await act(publisher, article.id, 'schedule', {
      publishAt: new Date(Date.now() + 1000).toISOString(),
    })
    await runDueJobs(payload)
    expect(await live(article.id)).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await runDueJobs(payload)
    expect(await live(article.id)).toMatchObject({ _status: 'published' })
    expect((await history(article.id))[0]).toMatchObject({
      action: 'scheduled_publish',
      from: 'scheduled',
      to: 'published',
      actor: null,
      actorName: 'Scheduler',
    })
  })

  it('does nothing when unscheduled before the time comes', async () => {
    const article = await approved()
    await act(publisher, article.id, 'schedule', {
      publishAt: new Date(Date.now() + 500).toISOString(),
    })
    await act(publisher, article.id, 'unschedule')
    await new Promise((resolve) => setTimeout(resolve, 600))
    await runDueJobs(payload)
    expect(await live(article.id)).toBeUndefined()
    expect((await latest(article.id)).reviewState).toBe('approved')
  })

  it('makes a failed schedule visible: state stays scheduled with the error, and an event says why', async () => {
    const article = await approved()
    await act(publisher, article.id, 'schedule', {
      publishAt: new Date(Date.now() + 500).toISOString(),
    })
    // Tamper with the approval behind the workflow's back, so the publish-time check fails.
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { approvedHash: 'tampered' },
      draft: true,
      context: transitionContext(),
    })
    await new Promise((resolve) => setTimeout(resolve, 600))
    // (Payload logs the failed task as an error; expected here.)
    await runDueJobs(payload, { silent: { error: true } })
    const after = await latest(article.id)
    expect(after.reviewState).toBe('scheduled')
    expect(after.scheduleError).toMatch(/changed since it was approved/)
    expect((await history(article.id))[0]).toMatchObject({
      action: 'schedule_failed',
      to: 'scheduled',
    })
    expect(await live(article.id)).toBeUndefined()
  })
})

describe('rules outside the transitions', () => {
  it('keeps the audit trail append-only for everyone, admins included', async () => {
    const article = await draft()
    await act(contributor, article.id, 'submit')
    const [event] = await history(article.id)
    const asAdmin = { user: admin, overrideAccess: false } as const
    await expect(
      payload.create({
        collection: 'workflow-events',
        data: { article: article.id, seq: 99, action: 'publish', from: 'draft', to: 'published' },
        ...asAdmin,
      }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      payload.update({
        collection: 'workflow-events',
        id: event.id,
        data: { note: 'rewritten' },
        ...asAdmin,
      }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      payload.delete({ collection: 'workflow-events', id: event.id, ...asAdmin }),
    ).rejects.toThrow(/not allowed/i)
    expect((await history(article.id))[0]).toMatchObject({ id: event.id, note: null })
  })

  it('lets contributors see only their own articles, and edit them only in draft or changes_requested', async () => {
    const other = await createArticle(
      payload,
      { authors: [(await createAuthor(payload)).id] },
      'published',
    )
    const mine = await draft()
    const seen = await payload.find({
      collection: 'articles',
      user: contributor,
      overrideAccess: false,
      draft: true,
      limit: 200,
    })
    expect(seen.docs.map((a) => a.id)).toContain(mine.id)
    expect(seen.docs.map((a) => a.id)).not.toContain(other.id)

    await act(contributor, mine.id, 'submit')
    const error = await payload
      .update({
        collection: 'articles',
        id: mine.id,
        data: { title: 'Sneaky' },
        user: contributor,
        overrideAccess: false,
      })
      .catch((e) => e)
    expect(error.status).toBe(403)
    expect(error.message).toMatch(
      /contributors change an article only while it is "draft" or "changes_requested"/,
    )
  })

  it('lets only admins delete, and never a published article', async () => {
    const article = await approved()
    await act(publisher, article.id, 'publish')
    expect(
      await statusOf(
        payload.delete({
          collection: 'articles',
          id: article.id,
          user: editor,
          overrideAccess: false,
        }),
      ),
    ).toBe(403)
    const refused = await payload
      .delete({ collection: 'articles', id: article.id, user: admin, overrideAccess: false })
      .catch((e) => e)
    expect(refused.status).toBe(409)
    expect(refused.message).toMatch(/unpublish it first/)
    await act(publisher, article.id, 'unpublish')
    await payload.delete({
      collection: 'articles',
      id: article.id,
      user: admin,
      overrideAccess: false,
    })
    expect(
      await payload.findByID({ collection: 'articles', id: article.id, disableErrors: true }),
    ).toBeNull()
  })
})

describe('notifications', () => {
  const sent = (spy: { mock: { calls: unknown[][] } }) =>
    spy.mock.calls.map(
      ([m]) => m as { to: string[]; subject: string; text: string; messageId: string },
    )

  it('emails editors and publishers on submit, from the queue once the transition has committed', async () => {
    const sendEmail = vi.spyOn(payload, 'sendEmail')
    try {
      const article = await draft()
      await act(contributor, article.id, 'submit')
      const mine = () => sent(sendEmail).find((m) => m.subject.includes(article.title))
      // Queued with the transition, not sent from inside it.
      expect(mine()).toBeUndefined()
      await runDueJobs(payload)
      const message = mine()!
      expect(message.to).toEqual(expect.arrayContaining([editor.email, publisher.email]))
      expect(message.to).not.toContain(contributor.email)
      expect(message.subject).toMatch(/Submitted for review/)
      // The event id travels as the Message-ID, the same on every retry.
      expect(message.messageId).toMatch(/^<evt_[0-9a-f]{32}@localhost>$/)
    } finally {
      sendEmail.mockRestore()
    }
  })

  it('emails the authors the note when changes are requested', async () => {
    const sendEmail = vi.spyOn(payload, 'sendEmail')
    try {
      const article = await draft()
      await act(contributor, article.id, 'submit')
      await act(editor, article.id, 'request_changes', { note: 'Cite the second claim.' })
      await runDueJobs(payload)
      const message = sent(sendEmail).find(
        (m) => /Changes requested/.test(m.subject) && m.subject.includes(article.title),
      )!
      expect(message.to).toEqual([contributor.email])
      expect(message.text).toContain('Cite the second claim.')
    } finally {
      sendEmail.mockRestore()
    }
  })

  it('never fails or rolls back a transition when the email fails: the email waits for its retry', async () => {
    const sendEmail = vi.spyOn(payload, 'sendEmail').mockRejectedValue(new Error('SMTP down'))
    try {
      const article = await draft()
      expect((await act(contributor, article.id, 'submit')).reviewState).toBe('in_review')
      await runDueJobs(payload, { silent: { error: true } })
      expect(sendEmail).toHaveBeenCalled()
      expect((await latest(article.id)).reviewState).toBe('in_review')
      const { docs } = await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'sendEmail' } },
        sort: '-createdAt',
        limit: 1,
      })
      expect(docs[0]).toMatchObject({
        hasError: false,
        totalTried: 1,
        input: expect.objectContaining({ subject: expect.stringContaining(article.title) }),
      })
      expect(Date.parse(docs[0].waitUntil!)).toBeGreaterThan(Date.now())
    } finally {
      sendEmail.mockRestore()
    }
  })

  it('sends nothing for a transition that rolls back', async () => {
    const sendEmail = vi.spyOn(payload, 'sendEmail')
    const article = await draft()
    const commit = vi
      .spyOn(payload.db, 'commitTransaction')
      .mockRejectedValueOnce(new Error('disk I/O error'))
    try {
      await expect(act(contributor, article.id, 'submit')).rejects.toThrow(/disk I\/O error/)
      commit.mockRestore()
      expect((await latest(article.id)).reviewState).toBe('draft')
      await runDueJobs(payload)
      expect(sent(sendEmail).filter((m) => m.subject.includes(article.title))).toEqual([])
    } finally {
      commit.mockRestore()
      sendEmail.mockRestore()
    }
  })
})
