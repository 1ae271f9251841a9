import type { Payload } from 'payload'

import { richText } from '../lib/richText'
import type { Article, User } from '../payload-types'
import { transitionAs } from '../services/workflow/transition'
import type { Action } from '../workflow'
import {
  DEMO_ARTICLES,
  DEMO_AUTHORS,
  DEMO_COMMENTS,
  DEMO_SOURCES,
  DEMO_USERS,
  type DemoArticle,
} from './demoContent'

const DAY = 24 * 60 * 60 * 1000

/** Seeds the demo newsroom into an empty database; returns false (and writes nothing) otherwise. */
export async function seedDemo(payload: Payload, password: string): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return false

  const users = new Map<string, User>()
  for (const user of DEMO_USERS) {
    users.set(
      user.email,
      await payload.create({ collection: 'users', data: { ...user, password } }),
    )
  }
  const authors = new Map<string, { id: number; user?: User }>()
  for (const { user, ...author } of DEMO_AUTHORS) {
    const account = user ? users.get(user) : undefined
    const created = await payload.create({
      collection: 'authors',
      data: { ...author, user: account?.id },
    })
    authors.set(author.name, { id: created.id, user: account })
  }
  const sources = new Map<string, number>()
  for (const source of DEMO_SOURCES) {
    sources.set(
      source.name,
      (await payload.create({ collection: 'sources', data: { ...source } })).id,
    )
  }

  const desk = {
    editor: users.get('editor@example.com')!,
    publisher: users.get('publisher@example.com')!,
    admin: users.get('admin@example.com')!,
  }
  const articleIds: number[] = []
  for (const demo of DEMO_ARTICLES) {
    const { authors: names, body, state, daysAgo, ...article } = demo
    const parts = body.map((part) =>
      typeof part === 'string' ? part : { quote: part.quote, source: sources.get(part.source)! },
    )
    const created = await payload.create({
      collection: 'articles',
      draft: true,
      data: {
        ...article,
        authors: names.map((name) => authors.get(name)!.id),
        body: richText(...parts) as Article['body'],
        ...(state === 'published'
          ? { publishedAt: new Date(Date.now() - daysAgo * DAY).toISOString() }
          : {}),
      },
    })
    articleIds.push(created.id)
    const writers = names
      .map((name) => authors.get(name)!.user)
      .filter((user): user is User => Boolean(user))
    await moveThroughReview(payload, created.id, demo, writers[0] ?? desk.editor, writers, desk)
  }

  const [first] = articleIds
  let approved: number | undefined
  for (const comment of DEMO_COMMENTS) {
    const created = await payload.create({
      collection: 'comments',
      data: { ...comment, article: first },
    })
    if (comment.status === 'approved') approved ??= created.id
  }
  await payload.create({
    collection: 'comments',
    data: {
      article: first,
      parent: approved,
      authorName: 'Maya Okafor',
      body: 'Thanks, Priya. The N3 is exactly the route I had in mind.',
      status: 'approved',
    },
  })
  return true
}

/** Takes a demo article to its state through the real workflow, so its history is real too. */
async function moveThroughReview(
  payload: Payload,
  id: number,
  demo: DemoArticle,
  submitter: User,
  writers: User[],
  desk: { editor: User; publisher: User; admin: User },
) {
  // Four-eyes: the approver is a publisher (or admin) who did not write or submit the piece.
  const approver = [desk.publisher, desk.admin].find(
    (user) => !writers.some((w) => w.id === user.id) && user.id !== submitter.id,
  )!
  const steps: [User, Action, object?][] = []
  if (demo.state !== 'draft') steps.push([submitter, 'submit'])
  if (demo.state === 'changes_requested')
    steps.push([
      desk.editor,
      'request_changes',
      { note: 'Needs a source for the timetable claims and a shorter standfirst.' },
    ])
  if (['approved', 'scheduled', 'published'].includes(demo.state)) steps.push([approver, 'approve'])
  if (demo.state === 'scheduled')
    steps.push([approver, 'schedule', { publishAt: new Date(Date.now() + 3 * DAY).toISOString() }])
  if (demo.state === 'published') steps.push([approver, 'publish'])
  // The demo's back story sends no emails.
  for (const [user, action, extra] of steps)
    await transitionAs(payload, user, { id, action, ...extra }, { notify: false })
}
