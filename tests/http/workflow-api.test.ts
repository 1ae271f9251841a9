import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  PUBLISH_THROUGH_WORKFLOW,
  RESTORE_AS_DRAFT,
} from '../../src/hooks/articles/saveEditsAsDrafts'
import { formatAdminDate } from '../../src/lib/dates'
import type { Article, Author, Source, User } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import {
  body,
  createArticle,
  createAuthor,
  createSource,
  createUser,
  publish,
} from '../helpers/factories'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/**
 * The review workflow over the real HTTP server: REST POST/GET /api/articles/:id/workflow, the
 * GraphQL articleWorkflow mutation, and every other way of saving an article, which must never
 * put it live.
 */

type Id = Article['id']
type Res = { status: number; body: any }

let server: TestServer
let payload: Payload
let source: Source

// Accounts (created through the Local API), and their Authorization headers (logged in over REST).
let admin: User
let admin2: User
let editor: User
let publisher: User
let publisher2: User
let contributor: User
let otherContributor: User
let contributorAuthor: Author
let otherAuthor: Author
let publisherAuthor: Author
let deskAuthor: Author

const auth: Record<
  'admin' | 'admin2' | 'editor' | 'publisher' | 'publisher2' | 'contributor' | 'otherContributor',
  string
> = {
  admin: '',
  admin2: '',
  editor: '',
  publisher: '',
  publisher2: '',
  contributor: '',
  otherContributor: '',
}

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  // The first account ever created becomes an admin, so the admin comes first.
  admin = await createUser(payload, ['admin'], 'Ada Admin')
  admin2 = await createUser(payload, ['admin'], 'Abe Admin')
  editor = await createUser(payload, ['editor'], 'Eve Editor')
  publisher = await createUser(payload, ['publisher'], 'Pat Publisher')
  publisher2 = await createUser(payload, ['publisher'], 'Pia Publisher')
  contributor = await createUser(payload, ['contributor'], 'Cleo Contributor')
  otherContributor = await createUser(payload, ['contributor'], 'Otto Contributor')
  contributorAuthor = await createAuthor(payload, { name: 'Cleo Byline', user: contributor.id })
  otherAuthor = await createAuthor(payload, { name: 'Otto Byline', user: otherContributor.id })
  publisherAuthor = await createAuthor(payload, { name: 'Pia Byline', user: publisher2.id })
  deskAuthor = await createAuthor(payload, { name: 'Desk Byline' })
  source = await createSource(payload, { name: 'Wire Agency' })
  const users = { admin, admin2, editor, publisher, publisher2, contributor, otherContributor }
  for (const [key, user] of Object.entries(users))
    auth[key as keyof typeof auth] = await login(server.url, user.email)
})
afterAll(() => server?.close())

// ---------------------------------------------------------------------------------------------
// Helpers

async function api(
  method: string,
  path: string,
  opts: { auth?: string; json?: unknown; raw?: string } = {},
): Promise<Res> {
  const headers: Record<string, string> = {}
  if (opts.auth) headers.Authorization = opts.auth
  let requestBody: string | undefined
  if (opts.raw !== undefined) requestBody = opts.raw
  else if (opts.json !== undefined) requestBody = JSON.stringify(opts.json)
  if (requestBody !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${server.url}${path}`, { method, headers, body: requestBody })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // not JSON: kept as text, so the assertion shows it
  }
  return { status: res.status, body: parsed }
}

/** The messages of a Payload error response `{ errors: [{ message }] }`, joined. */
const messageOf = (res: Res): string =>
  Array.isArray(res.body?.errors)
    ? res.body.errors.map((e: { message: string }) => e.message).join(' | ')
    : `(no errors in ${JSON.stringify(res.body)})`

const workflow = (who: string | undefined, id: Id | string, action: Record<string, unknown>) =>
  api('POST', `/api/articles/${id}/workflow`, { auth: who, json: action })

const workflowState = (who: string, id: Id) =>
  api('GET', `/api/articles/${id}/workflow`, { auth: who })

/** Expects a refusal: the status, and a message matching every pattern. */
function expectRefused(res: Res, status: number, ...patterns: (string | RegExp)[]) {
  expect({ status: res.status, message: messageOf(res) }).toMatchObject({ status })
  for (const pattern of patterns) expect(messageOf(res)).toMatch(pattern)
}

async function publicIds(): Promise<Id[]> {
  const res = await api('GET', '/api/articles?limit=500&depth=0')
  expect(res.status).toBe(200)
  return res.body.docs.map((doc: { id: Id }) => doc.id)
}

/** Anonymous readers neither list nor open the article. */
async function expectNotPublic(id: Id) {
  expect(await publicIds()).not.toContain(id)
  const one = await api('GET', `/api/articles/${id}?depth=0`)
  expectRefused(one, 404, /not found/i)
}

const latest = (id: Id) => payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })

/** A complete article by the desk author (no account behind it), taken through the workflow to `state`. */
async function articleIn(
  state: 'draft' | 'in_review' | 'approved' | 'published',
  authors: Id[] = [deskAuthor.id],
) {
  const article = await createArticle(payload, {
    authors,
    body: body('A paragraph.', { quote: 'We will see.', source: source.id }),
  })
  if (state === 'draft') return article
  if (state === 'published') return publish(payload, article.id)
  await transitionAs(payload, editor, { id: article.id, action: 'submit' })
  if (state === 'approved')
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
  return latest(article.id)
}

// ---------------------------------------------------------------------------------------------

describe('the review workflow over HTTP, from first draft to the public site', () => {
  it('takes a contributor article through submit, changes requested, resubmission, approval and publication', async () => {
    // The contributor writes the article; their author profile is added to it automatically.
    const created = await api('POST', '/api/articles?depth=0', {
      auth: auth.contributor,
      json: {
        title: 'Harbour reopens after storm',
        dek: 'Ferries run again on Monday.',
        body: body('The harbour reopened on Monday.', {
          quote: 'We are back in business.',
          source: source.id,
        }),
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id: Id = created.body.doc.id
    expect(created.body.doc.authors).toEqual([contributorAuthor.id])
    expect(created.body.doc.sources).toEqual([source.id])
    expect(created.body.doc.reviewState).toBe('draft')
    expect(created.body.doc._status).toBe('draft')

    const submitted = await workflow(auth.contributor, id, { action: 'submit' })
    expect(submitted.status, messageOf(submitted)).toBe(200)
    expect(submitted.body).toMatchObject({
      id,
      reviewState: 'in_review',
      event: { action: 'submit', from: 'draft', to: 'in_review' },
    })

    const note = 'Please name the harbour master in the second paragraph.'
    const changes = await workflow(auth.editor, id, { action: 'request_changes', note })
    expect(changes.status, messageOf(changes)).toBe(200)
    expect(changes.body).toMatchObject({
      id,
      reviewState: 'changes_requested',
      event: { action: 'request_changes', note },
    })

    const seen = await workflowState(auth.contributor, id)
    expect(seen.status, messageOf(seen)).toBe(200)
    expect(seen.body).toMatchObject({
      id,
      reviewState: 'changes_requested',
      allowedActions: ['submit'],
    })
    expect(seen.body.history[0]).toMatchObject({
      action: 'request_changes',
      from: 'in_review',
      to: 'changes_requested',
      actor: { id: editor.id, name: 'Eve Editor' },
      note,
    })
    expect(Date.parse(seen.body.history[0].at)).not.toBeNaN()
    expect(seen.body.history.map((h: { action: string }) => h.action)).toEqual([
      'request_changes',
      'submit',
    ])
    expect(seen.body.history[1].actor).toEqual({ id: contributor.id, name: 'Cleo Contributor' })

    const edited = await api('PATCH', `/api/articles/${id}?depth=0`, {
      auth: auth.contributor,
      json: {
        body: body('The harbour reopened on Monday, said harbour master Ines Vale.', {
          quote: 'We are back in business.',
          source: source.id,
        }),
      },
    })
    expect(edited.status, messageOf(edited)).toBe(200)
    expect(edited.body.doc.reviewState).toBe('changes_requested')

    const resubmitted = await workflow(auth.contributor, id, { action: 'submit' })
    expect(resubmitted.status, messageOf(resubmitted)).toBe(200)
    expect(resubmitted.body).toMatchObject({
      reviewState: 'in_review',
      event: { action: 'submit', from: 'changes_requested', to: 'in_review' },
    })
    await expectNotPublic(id)

    const approved = await workflow(auth.publisher, id, { action: 'approve' })
    expect(approved.status, messageOf(approved)).toBe(200)
    expect(approved.body).toMatchObject({
      reviewState: 'approved',
      event: { action: 'approve', from: 'in_review', to: 'approved' },
    })
    await expectNotPublic(id)

    const published = await workflow(auth.publisher, id, { action: 'publish' })
    expect(published.status, messageOf(published)).toBe(200)
    expect(published.body).toMatchObject({
      id,
      reviewState: 'published',
      event: { action: 'publish', from: 'approved', to: 'published' },
    })

    const live = await api('GET', `/api/articles/${id}?depth=0`)
    expect(live.status).toBe(200)
    expect(live.body).toMatchObject({
      id,
      title: 'Harbour reopens after storm',
      _status: 'published',
    })
    expect(live.body.body.root.children[0].children[0].text).toMatch(/harbour master Ines Vale/)
    // Workflow internals are for signed-in users only.
    expect(live.body.reviewState).toBeUndefined()
    expect(await publicIds()).toContain(id)

    const { status, body: gql } = await graphql(
      server.url,
      '{ Articles(limit: 100) { docs { id title } } }',
    )
    expect(status).toBe(200)
    expect(gql.errors).toBeUndefined()
    expect(gql.data.Articles.docs).toContainEqual({ id, title: 'Harbour reopens after storm' })

    const history = await workflowState(auth.editor, id)
    expect(history.body.reviewState).toBe('published')
    expect(history.body.history.map((h: { action: string }) => h.action)).toEqual([
      'publish',
      'approve',
      'submit',
      'request_changes',
      'submit',
    ])
  })
})

describe('refusals of workflow actions', () => {
  it('answers 401 to an anonymous action', async () => {
    const article = await articleIn('draft')
    const res = await workflow(undefined, article.id, { action: 'submit' })
    expectRefused(res, 401, /Log in/)
    expect((await latest(article.id)).reviewState).toBe('draft')
  })

  it('answers 401 to an anonymous look at the workflow', async () => {
    const article = await articleIn('draft')
    const res = await api('GET', `/api/articles/${article.id}/workflow`)
    expectRefused(res, 401, /Log in/)
  })

  it('answers 403 naming the publisher and admin roles when a contributor approves', async () => {
    const article = await articleIn('in_review', [contributorAuthor.id])
    const res = await workflow(auth.contributor, article.id, { action: 'approve' })
    expectRefused(res, 403, /publisher/, /admin/, /role/)
    expect(messageOf(res)).toBe('Cannot approve: it needs the publisher or admin role.')
    expect((await latest(article.id)).reviewState).toBe('in_review')
  })

  it('answers 409 naming the current and the needed state when an article in review is published', async () => {
    const article = await articleIn('in_review')
    const res = await workflow(auth.publisher, article.id, { action: 'publish' })
    expectRefused(res, 409, '"in_review"', '"approved"')
    await expectNotPublic(article.id)
  })

  it('answers 400 listing the actions to an unknown action', async () => {
    const article = await articleIn('draft')
    const res = await workflow(auth.editor, article.id, { action: 'frobnicate' })
    expectRefused(res, 400, /Unknown action "frobnicate"/, /submit/, /unpublish/)
  })

  it('answers 400 to a body without an action', async () => {
    const article = await articleIn('draft')
    const res = await workflow(auth.editor, article.id, { note: 'hello' })
    expectRefused(res, 400, /Unknown action null/)
  })

  it('answers 400 when changes are requested without a note', async () => {
    const article = await articleIn('in_review')
    const res = await workflow(auth.editor, article.id, { action: 'request_changes' })
    expectRefused(res, 400, /note/, /required/)
    const blank = await workflow(auth.editor, article.id, {
      action: 'request_changes',
      note: '   ',
    })
    expectRefused(blank, 400, /note/, /required/)
    expect((await latest(article.id)).reviewState).toBe('in_review')
  })

  it('answers 400 to a schedule in the past and to a malformed publishAt', async () => {
    const article = await articleIn('approved')
    const past = await workflow(auth.publisher, article.id, {
      action: 'schedule',
      publishAt: '2001-01-01T09:00:00Z',
    })
    expectRefused(past, 400, /Cannot schedule/, /not in the future/, /2001-01-01T09:00:00.000Z/)
    const malformed = await workflow(auth.publisher, article.id, {
      action: 'schedule',
      publishAt: 'next tuesday',
    })
    expectRefused(malformed, 400, /Cannot schedule/, /"next tuesday"/, /ISO 8601/)
    const missing = await workflow(auth.publisher, article.id, { action: 'schedule' })
    expectRefused(missing, 400, /publishAt is required/)
    expect((await latest(article.id)).reviewState).toBe('approved')
  })

  it('answers 400 to a body that is not JSON, or not a JSON object', async () => {
    const article = await articleIn('draft')
    const broken = await api('POST', `/api/articles/${article.id}/workflow`, {
      auth: auth.editor,
      raw: '{"action": "submit"',
    })
    expectRefused(broken, 400, /not valid JSON/)
    const list = await api('POST', `/api/articles/${article.id}/workflow`, {
      auth: auth.editor,
      raw: '["submit"]',
    })
    expectRefused(list, 400, /JSON object/)
    expect((await latest(article.id)).reviewState).toBe('draft')
  })

  it('answers 400, never 500, to a note, publishAt or action of the wrong type, and to an empty body', async () => {
    const article = await articleIn('approved')
    const numericNote = await workflow(auth.editor, article.id, {
      action: 'request_changes',
      note: 42,
    })
    expectRefused(numericNote, 400, 'note must be a string.')
    const longNote = await workflow(auth.editor, article.id, {
      action: 'request_changes',
      note: 'x'.repeat(2001),
    })
    expectRefused(longNote, 400, /note is 2001 characters; at most 2000/)
    const numericDate = await workflow(auth.publisher, article.id, {
      action: 'schedule',
      publishAt: Date.now() + 3_600_000,
    })
    expectRefused(numericDate, 400, /Cannot schedule/, /not an ISO 8601 date-time/)
    const noZone = await workflow(auth.publisher, article.id, {
      action: 'schedule',
      publishAt: '2099-01-01T09:00:00',
    })
    expectRefused(noZone, 400, /Cannot schedule/, /with a time zone/)
    const listAction = await workflow(auth.publisher, article.id, { action: ['publish'] })
    expectRefused(listAction, 400, /Unknown action \["publish"\]/)
    const empty = await api('POST', `/api/articles/${article.id}/workflow`, {
      auth: auth.publisher,
      raw: '',
    })
    expect(empty.status).toBe(400)
    expect(messageOf(empty)).toMatch(/JSON/)
    const wordId = await workflow(auth.publisher, 'not-an-id', { action: 'publish' })
    expectRefused(wordId, 404, '"not-an-id" is not a valid article id')
    expect(await latest(article.id)).toMatchObject({ reviewState: 'approved', _status: 'draft' })
  })

  it('answers 400 listing every missing item when an incomplete article is submitted', async () => {
    // Saved over HTTP: a draft may lack its standfirst and its text.
    const created = await api('POST', '/api/articles?depth=0', {
      auth: auth.contributor,
      json: { title: 'Half-written', dek: '', body: body('') },
    })
    expect(created.status, messageOf(created)).toBe(201)
    const id: Id = created.body.doc.id
    const res = await workflow(auth.contributor, id, { action: 'submit' })
    expectRefused(res, 400, /Cannot submit/, /standfirst \(dek\) is missing/, /body is empty/)
    expect(messageOf(res)).toBe(
      'Cannot submit: the standfirst (dek) is missing and the body is empty.',
    )
    expect((await latest(id)).reviewState).toBe('draft')
  })

  it('saves a draft whose Quote block names no source, and answers 400 naming the block at submission', async () => {
    // Saved over HTTP as the admin's autosave does: a quote still being written is a draft's right.
    const article = await articleIn('draft', [contributorAuthor.id])
    const unsourced = body(
      'Some text.',
      { quote: 'Sourced words.', source: source.id },
      { quote: 'Unattributed words.', source: null as unknown as number },
    )
    const saved = await api('PATCH', `/api/articles/${article.id}?draft=true&autosave=true`, {
      auth: auth.contributor,
      json: { dek: '', body: unsourced },
    })
    expect(saved.status, messageOf(saved)).toBe(200)
    expect(await latest(article.id)).toMatchObject({ dek: '', body: unsourced })

    const res = await workflow(auth.contributor, article.id, { action: 'submit' })
    expect(messageOf(res)).toBe(
      'Cannot submit: the standfirst (dek) is missing and Quote block 2 names no source.',
    )
    expect(res.status).toBe(400)
    expect((await latest(article.id)).reviewState).toBe('draft')

    // Once the source is picked (and the standfirst written), the same article goes to review.
    const fixed = body(
      'Some text.',
      { quote: 'Sourced words.', source: source.id },
      { quote: 'Unattributed words.', source: source.id },
    )
    const completed = await api('PATCH', `/api/articles/${article.id}?draft=true`, {
      auth: auth.contributor,
      json: { dek: 'Now complete.', body: fixed },
    })
    expect(completed.status, messageOf(completed)).toBe(200)
    const submitted = await workflow(auth.contributor, article.id, { action: 'submit' })
    expect(submitted.status, messageOf(submitted)).toBe(200)
  })

  it('refuses to approve or publish a quote whose source was emptied during review', async () => {
    const article = await articleIn('in_review')
    const emptied = body('A paragraph.', {
      quote: 'We will see.',
      source: null as unknown as number,
    })
    const edit = await api('PATCH', `/api/articles/${article.id}`, {
      auth: auth.editor,
      json: { body: emptied },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    const approval = await workflow(auth.publisher2, article.id, { action: 'approve' })
    expectRefused(approval, 400, 'Cannot approve: Quote block 1 names no source.')
    expect((await latest(article.id)).reviewState).toBe('in_review')
    await expectNotPublic(article.id)
  })

  it('answers 404 for an unknown id', async () => {
    const res = await workflow(auth.admin, 987654, { action: 'submit' })
    expectRefused(res, 404, /No article with id "987654"/)
    const look = await workflowState(auth.admin, 987654)
    expectRefused(look, 404, /No article with id "987654"/)
  })

  it("answers 404 to a contributor asking about another author's article", async () => {
    const article = await articleIn('draft', [otherAuthor.id])
    const res = await workflow(auth.contributor, article.id, { action: 'submit' })
    expectRefused(res, 404, `No article with id "${article.id}" that you can see.`)
    const look = await workflowState(auth.contributor, article.id)
    expectRefused(look, 404, /that you can see/)
    // Its own author sees it.
    expect((await workflowState(auth.otherContributor, article.id)).status).toBe(200)
  })

  it('refuses, by the four-eyes rule, a publisher who is an author of the article', async () => {
    const article = await articleIn('in_review', [publisherAuthor.id])
    const res = await workflow(auth.publisher2, article.id, { action: 'approve' })
    expectRefused(res, 403, /four-eyes/, /you are an author of this article/)
    expect((await latest(article.id)).reviewState).toBe('in_review')
    // The refusal is in the audit trail; another publisher may approve.
    const trail = await workflowState(auth.editor, article.id)
    expect(trail.body.history[0]).toMatchObject({
      action: 'four_eyes_refused',
      actor: { id: publisher2.id },
      from: 'in_review',
      to: 'in_review',
    })
    expect(trail.body.allowedActions).not.toContain('approve')
    // The publisher's own view says why Approve is not theirs.
    const own = await workflowState(auth.publisher2, article.id)
    expect(own.body.unavailable).toEqual([
      {
        action: 'approve',
        reason: 'You are an author of this article; another publisher must approve it.',
      },
    ])
    const other = await workflow(auth.publisher, article.id, { action: 'approve' })
    expect(other.status, messageOf(other)).toBe(200)
  })

  it('refuses, by the four-eyes rule, an admin who submitted the article', async () => {
    const article = await articleIn('draft')
    const submitted = await workflow(auth.admin, article.id, { action: 'submit' })
    expect(submitted.status, messageOf(submitted)).toBe(200)
    const res = await workflow(auth.admin, article.id, { action: 'approve' })
    expectRefused(res, 403, /four-eyes/, /you submitted it/)
    expect((await latest(article.id)).reviewState).toBe('in_review')
    const other = await workflow(auth.admin2, article.id, { action: 'approve' })
    expect(other.status, messageOf(other)).toBe(200)
  })

  it('refuses, by the four-eyes rule, a publisher who edited the content since submission', async () => {
    const article = await articleIn('in_review')
    const edit = await api('PATCH', `/api/articles/${article.id}`, {
      auth: auth.publisher,
      json: { dek: 'A sharper standfirst.' },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    const res = await workflow(auth.publisher, article.id, { action: 'approve' })
    expectRefused(res, 403, /four-eyes/, /you changed its content since it was submitted/)
  })
})

describe('the other actions over HTTP', () => {
  it('lets the submitter withdraw an article from review', async () => {
    const article = await articleIn('draft', [contributorAuthor.id])
    expect((await workflow(auth.contributor, article.id, { action: 'submit' })).status).toBe(200)
    const res = await workflow(auth.contributor, article.id, { action: 'withdraw' })
    expect(res.status, messageOf(res)).toBe(200)
    expect(res.body).toMatchObject({
      reviewState: 'draft',
      event: { action: 'withdraw', from: 'in_review', to: 'draft' },
    })
    // Another contributor who is not the submitter may not; neither can they see it.
    expect((await workflow(auth.contributor, article.id, { action: 'submit' })).status).toBe(200)
    const stranger = await workflow(auth.otherContributor, article.id, { action: 'withdraw' })
    expectRefused(stranger, 404, /that you can see/)
  })

  it('refuses a withdraw by a contributor author who did not submit, naming the submitter and the roles', async () => {
    const article = await articleIn('in_review', [contributorAuthor.id])
    const res = await workflow(auth.contributor, article.id, { action: 'withdraw' })
    expectRefused(
      res,
      403,
      'Cannot withdraw: it needs whoever submitted it or the editor, publisher or admin role.',
    )
  })

  it('schedules an approved article for a future time, and unschedules it', async () => {
    const article = await articleIn('approved')
    const publishAt = new Date(Date.now() + 86_400_000).toISOString()
    const scheduled = await workflow(auth.publisher, article.id, { action: 'schedule', publishAt })
    expect(scheduled.status, messageOf(scheduled)).toBe(200)
    expect(scheduled.body).toMatchObject({
      reviewState: 'scheduled',
      event: { action: 'schedule', note: `Scheduled for ${formatAdminDate(publishAt, 'UTC')} UTC` },
    })
    expect(Date.parse((await latest(article.id)).publishAt!)).toBe(Date.parse(publishAt))
    await expectNotPublic(article.id)

    const state = await workflowState(auth.publisher, article.id)
    expect(state.body).toMatchObject({
      reviewState: 'scheduled',
      live: false,
      allowedActions: ['unschedule'],
      unavailable: [],
    })
    expect(Date.parse(state.body.publishAt)).toBe(Date.parse(publishAt))
    const editors = await workflowState(auth.editor, article.id)
    expect(editors.body.unavailable).toEqual([
      { action: 'unschedule', reason: 'Only a publisher or admin can unschedule.' },
    ])

    const unscheduled = await workflow(auth.publisher, article.id, { action: 'unschedule' })
    expect(unscheduled.status, messageOf(unscheduled)).toBe(200)
    expect(unscheduled.body).toMatchObject({
      reviewState: 'approved',
      event: { action: 'unschedule', from: 'scheduled', to: 'approved' },
    })
    expect(await latest(article.id)).toMatchObject({ publishAt: null, scheduleJob: null })
    await expectNotPublic(article.id)
  })

  it('unpublishes a live article, taking it off the public site', async () => {
    const article = await articleIn('published')
    expect(await publicIds()).toContain(article.id)
    const byEditor = await workflow(auth.editor, article.id, { action: 'unpublish' })
    expectRefused(byEditor, 403, 'Cannot unpublish: it needs the publisher or admin role.')
    const res = await workflow(auth.admin, article.id, { action: 'unpublish' })
    expect(res.status, messageOf(res)).toBe(200)
    expect(res.body).toMatchObject({
      reviewState: 'unpublished',
      event: { action: 'unpublish', from: 'published', to: 'unpublished' },
    })
    await expectNotPublic(article.id)
    const again = await workflow(auth.admin, article.id, { action: 'unpublish' })
    expectRefused(again, 409, '"unpublished"', '"published"')
  })
})

describe('the articleWorkflow GraphQL mutation', () => {
  const MUTATION = `mutation Act($id: ID!, $action: String!, $note: String, $publishAt: String) {
    articleWorkflow(id: $id, action: $action, note: $note, publishAt: $publishAt) { id reviewState allowedActions }
  }`

  it('takes an action and answers the new state and what the user may do next', async () => {
    const article = await articleIn('draft', [contributorAuthor.id])
    const { status, body: res } = await graphql(
      server.url,
      MUTATION,
      { id: String(article.id), action: 'submit' },
      auth.contributor,
    )
    expect(status).toBe(200)
    expect(res.errors).toBeUndefined()
    expect(res.data.articleWorkflow).toEqual({
      id: String(article.id),
      reviewState: 'in_review',
      allowedActions: ['withdraw'],
    })

    const approved = await graphql(
      server.url,
      MUTATION,
      { id: String(article.id), action: 'approve' },
      auth.publisher,
    )
    expect(approved.body.errors).toBeUndefined()
    expect(approved.body.data.articleWorkflow).toEqual({
      id: String(article.id),
      reviewState: 'approved',
      allowedActions: ['request_changes', 'publish', 'schedule'],
    })
    expect((await latest(article.id)).reviewState).toBe('approved')
  })

  it('refuses as REST does, with the same message and the status code in extensions', async () => {
    const article = await articleIn('in_review', [contributorAuthor.id])
    const rest = await workflow(auth.contributor, article.id, { action: 'approve' })
    expect(rest.status).toBe(403)

    const { status, body: res } = await graphql(
      server.url,
      MUTATION,
      { id: String(article.id), action: 'approve' },
      auth.contributor,
    )
    expect(status).toBe(200)
    expect(res.data ?? null).toBeNull()
    expect(res.errors).toHaveLength(1)
    expect(res.errors![0].message).toBe(messageOf(rest))
    expect(res.errors![0].message).toBe('Cannot approve: it needs the publisher or admin role.')
    expect(res.errors![0].extensions?.statusCode).toBe(403)
  })

  it('refuses with 409, 400, 404 and 401 as REST does', async () => {
    const article = await articleIn('in_review')
    const conflict = await graphql(
      server.url,
      MUTATION,
      { id: String(article.id), action: 'publish' },
      auth.publisher,
    )
    expect(conflict.body.errors![0].message).toMatch(/"in_review"/)
    expect(conflict.body.errors![0].message).toMatch(/"approved"/)
    expect(conflict.body.errors![0].extensions?.statusCode).toBe(409)

    const noNote = await graphql(
      server.url,
      MUTATION,
      { id: String(article.id), action: 'request_changes' },
      auth.editor,
    )
    expect(noNote.body.errors![0].message).toBe(
      'Cannot request changes: a note saying what to change is required.',
    )
    expect(noNote.body.errors![0].extensions?.statusCode).toBe(400)

    const unknown = await graphql(
      server.url,
      MUTATION,
      { id: '987654', action: 'submit' },
      auth.editor,
    )
    expect(unknown.body.errors![0].message).toBe('No article with id "987654" that you can see.')
    expect(unknown.body.errors![0].extensions?.statusCode).toBe(404)

    const anonymous = await graphql(server.url, MUTATION, {
      id: String(article.id),
      action: 'withdraw',
    })
    expect(anonymous.body.errors![0].message).toBe('Log in to take workflow actions.')
    expect(anonymous.body.errors![0].extensions?.statusCode).toBe(401)
    expect((await latest(article.id)).reviewState).toBe('in_review')
  })
})

describe('nothing goes live except through the publish action', () => {
  type Attempt = {
    name: string
    message: RegExp | string
    run: (who: string, user: User, article: Article) => Promise<Res>
  }

  const attempts: Attempt[] = [
    {
      name: 'PATCH with _status "published"',
      message: PUBLISH_THROUGH_WORKFLOW,
      run: (who, _user, article) =>
        api('PATCH', `/api/articles/${article.id}`, { auth: who, json: { _status: 'published' } }),
    },
    {
      name: 'PATCH ?draft=false with _status "published"',
      message: PUBLISH_THROUGH_WORKFLOW,
      run: (who, _user, article) =>
        api('PATCH', `/api/articles/${article.id}?draft=false`, {
          auth: who,
          json: { _status: 'published', title: 'Sneaked out' },
        }),
    },
    {
      name: 'PATCH with reviewState "approved"',
      message: /reviewState is set by the review workflow/,
      run: (who, _user, article) =>
        api('PATCH', `/api/articles/${article.id}`, {
          auth: who,
          json: { reviewState: 'approved' },
        }),
    },
    {
      name: 'PATCH with approvedBy set to oneself',
      message: /approvedBy is set by the review workflow/,
      run: (who, user, article) =>
        api('PATCH', `/api/articles/${article.id}`, { auth: who, json: { approvedBy: user.id } }),
    },
    {
      name: 'bulk PATCH with _status "published"',
      message: PUBLISH_THROUGH_WORKFLOW,
      run: (who, _user, article) =>
        api('PATCH', `/api/articles?where[id][equals]=${article.id}`, {
          auth: who,
          json: { _status: 'published' },
        }),
    },
  ]

  for (const role of ['publisher', 'admin'] as const) {
    describe(`as ${role === 'admin' ? 'an admin' : 'a publisher'}`, () => {
      const who = () => auth[role]
      const user = () => (role === 'admin' ? admin : publisher)

      for (const attempt of attempts) {
        it(`refuses ${attempt.name} and keeps the draft off the public site`, async () => {
          const article = await articleIn('draft')
          const res = await attempt.run(who(), user(), article)
          expectRefused(res, 403, attempt.message)
          await expectNotPublic(article.id)
          const after = await latest(article.id)
          expect(after).toMatchObject({ _status: 'draft', reviewState: 'draft', approvedBy: null })
        })
      }

      it('refuses POST /api/articles with _status "published"', async () => {
        const title = `Born published by ${role}`
        const res = await api('POST', '/api/articles', {
          auth: who(),
          json: {
            title,
            dek: 'No review.',
            authors: [deskAuthor.id],
            body: body('Text.'),
            _status: 'published',
          },
        })
        expectRefused(res, 403, PUBLISH_THROUGH_WORKFLOW)
        const anywhere = await payload.find({
          collection: 'articles',
          draft: true,
          where: { title: { equals: title } },
        })
        expect(anywhere.totalDocs).toBe(0)
        const listed = await api('GET', '/api/articles?limit=500&depth=0')
        expect(listed.body.docs.map((doc: Article) => doc.title)).not.toContain(title)
      })

      it('refuses POST /api/articles with reviewState "approved"', async () => {
        const title = `Born approved by ${role}`
        const res = await api('POST', '/api/articles', {
          auth: who(),
          json: {
            title,
            dek: 'No review.',
            authors: [deskAuthor.id],
            body: body('Text.'),
            reviewState: 'approved',
          },
        })
        expectRefused(res, 403, /reviewState is set by the review workflow/)
        const anywhere = await payload.find({
          collection: 'articles',
          draft: true,
          where: { title: { equals: title } },
        })
        expect(anywhere.totalDocs).toBe(0)
      })

      it('refuses the GraphQL updateArticle mutation with _status published', async () => {
        const article = await articleIn('draft')
        const { status, body: res } = await graphql(
          server.url,
          `
            mutation Sneak {
              updateArticle(id: ${JSON.stringify(article.id)}, data: { _status: published }) {
                id
                _status
              }
            }
          `,
          undefined,
          who(),
        )
        expect(status).toBe(200)
        expect(res.errors?.[0]?.message).toBe(PUBLISH_THROUGH_WORKFLOW)
        expect(res.errors?.[0]?.extensions?.statusCode).toBe(403)
        await expectNotPublic(article.id)
        expect(await latest(article.id)).toMatchObject({ _status: 'draft', reviewState: 'draft' })
      })

      it('does not put an unpublished article back live by restoring its published version', async () => {
        const article = await articleIn('published')
        await transitionAs(payload, publisher, { id: article.id, action: 'unpublish' })
        await expectNotPublic(article.id)
        const versions = await payload.findVersions({
          collection: 'articles',
          where: {
            and: [
              { parent: { equals: article.id } },
              { 'version._status': { equals: 'published' } },
            ],
          },
          sort: '-updatedAt',
          limit: 1,
        })
        const versionId = versions.docs[0]?.id
        expect(versionId).toBeDefined()

        // As the admin's "Restore this version" asks (draft=false): restored as a draft all the same.
        for (const query of ['', '?draft=false', '?draft=true']) {
          const restored = await api('POST', `/api/articles/versions/${versionId}${query}`, {
            auth: who(),
          })
          expect(restored.status, messageOf(restored)).toBe(200)
          expect(restored.body.message).toMatch(/^Version restored as a new draft revision\./)
          await expectNotPublic(article.id)
          expect(await latest(article.id)).toMatchObject({
            _status: 'draft',
            reviewState: 'unpublished',
          })
        }
        // GraphQL must ask for a draft, and is told so.
        const viaGraphql = await graphql(
          server.url,
          `mutation { restoreVersionArticle(id: ${versionId}) { id } }`,
          undefined,
          who(),
        )
        expect(viaGraphql.body.errors?.[0]?.message).toBe(RESTORE_AS_DRAFT)
        await expectNotPublic(article.id)
      })
    })
  }

  it('keeps the current workflow state when a version is restored as a draft', async () => {
    const article = await articleIn('published')
    await transitionAs(payload, publisher, { id: article.id, action: 'unpublish' })
    const versions = await payload.findVersions({
      collection: 'articles',
      where: {
        and: [{ parent: { equals: article.id } }, { 'version._status': { equals: 'published' } }],
      },
      sort: '-updatedAt',
      limit: 1,
    })
    const before = await latest(article.id)
    expect(before.reviewState).toBe('unpublished')
    const restored = await api(
      'POST',
      `/api/articles/versions/${versions.docs[0]!.id}?draft=true&depth=0`,
      { auth: auth.publisher },
    )
    expect(restored.status, messageOf(restored)).toBe(200)
    await expectNotPublic(article.id)
    // "a restored version keeps the article's current workflow state" (guardWorkflowFields)
    const state = await workflowState(auth.publisher, article.id)
    expect(state.body).toMatchObject({ reviewState: 'unpublished' })
    const after = await latest(article.id)
    const workflowFields = ({
      reviewState,
      submittedBy,
      submittedAt,
      approvedBy,
      approvedAt,
      approvedHash,
    }: Article) => ({
      reviewState,
      submittedBy,
      submittedAt,
      approvedBy,
      approvedAt,
      approvedHash,
    })
    expect(after._status).toBe('draft')
    expect(workflowFields(after)).toEqual(workflowFields(before))
  })

  it('restores an older version of a live article as a new draft revision that goes through review, the live one staying live', async () => {
    const article = await articleIn('published')
    const liveTitle = article.title
    const firstTake = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      sort: 'createdAt',
      limit: 1,
    })
    const edit = await api('PATCH', `/api/articles/${article.id}`, {
      auth: auth.editor,
      json: { title: 'Live headline, reworded' },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    await workflow(auth.editor, article.id, { action: 'submit' })
    await workflow(auth.publisher2, article.id, { action: 'approve' })
    await workflow(auth.publisher2, article.id, { action: 'publish' })
    const olderLive = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id }, 'version.title': { equals: liveTitle } },
      sort: '-createdAt',
      limit: 1,
    })
    const versionId = olderLive.docs[0]?.id ?? firstTake.docs[0]!.id

    // What the admin's "Restore this version" sends.
    const restored = await api('POST', `/api/articles/versions/${versionId}?draft=false`, {
      auth: auth.editor,
    })
    expect(restored.status, messageOf(restored)).toBe(200)
    expect(restored.body.message).toBe(
      'Version restored as a new draft revision. The article is "draft": submit it for review to publish it. The published version stays live until this revision is published.',
    )
    expect(await latest(article.id)).toMatchObject({
      title: liveTitle,
      _status: 'draft',
      reviewState: 'draft',
      approvedBy: null,
    })
    const publicView = await api('GET', `/api/articles/${article.id}?depth=0`)
    expect(publicView.status).toBe(200)
    expect(publicView.body.title).toBe('Live headline, reworded')
    const state = await workflowState(auth.editor, article.id)
    expect(state.body.history[0]).toMatchObject({
      action: 'edited_live',
      from: 'published',
      to: 'draft',
    })
    expect(state.body.allowedActions).toContain('submit')
  })

  it("refuses a contributor's restore of their article while it is in review, in the edit rule's words", async () => {
    const article = await articleIn('in_review', [contributorAuthor.id])
    const edit = await api('PATCH', `/api/articles/${article.id}`, {
      auth: auth.editor,
      json: { title: 'Reworded in review' },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    const { docs } = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id }, 'version.title': { equals: article.title } },
      limit: 1,
    })
    const res = await api('POST', `/api/articles/versions/${docs[0]!.id}`, {
      auth: auth.contributor,
    })
    expectRefused(res, 403, /Cannot edit: article is "in_review"/)
    expect((await latest(article.id)).title).toBe('Reworded in review')
  })

  it('treats restoring an old version of an approved article as an edit: the approval lapses and the submitter still may not approve', async () => {
    const draft = await articleIn('draft')
    const firstTake = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: draft.id } },
      sort: '-updatedAt',
      limit: 1,
    })
    const edit = await api('PATCH', `/api/articles/${draft.id}`, {
      auth: auth.editor,
      json: { title: 'Second take' },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    expect((await workflow(auth.publisher, draft.id, { action: 'submit' })).status).toBe(200)
    expect((await workflow(auth.publisher2, draft.id, { action: 'approve' })).status).toBe(200)

    const restored = await api(
      'POST',
      `/api/articles/versions/${firstTake.docs[0]!.id}?draft=true&depth=0`,
      { auth: auth.editor },
    )
    expect(restored.status, messageOf(restored)).toBe(200)
    await expectNotPublic(draft.id)

    const after = await latest(draft.id)
    expect.soft(after).toMatchObject({
      title: draft.title,
      reviewState: 'in_review',
      approvedBy: null,
      approvedHash: null,
      submittedBy: publisher.id,
    })
    expect.soft(after.editedSinceSubmit).toContain(editor.id)
    const state = await workflowState(auth.editor, draft.id)
    expect
      .soft(state.body.history[0])
      .toMatchObject({ action: 'stale_approval_reset', from: 'approved', to: 'in_review' })

    // Four-eyes still holds: the publisher who submitted it may not approve the restored content.
    const selfApproval = await workflow(auth.publisher, draft.id, { action: 'approve' })
    expectRefused(selfApproval, 403, /you submitted it/, /four-eyes/)
    const unapproved = await workflow(auth.publisher, draft.id, { action: 'publish' })
    expect(unapproved.status).toBe(409)
    await expectNotPublic(draft.id)
  })

  // "A duplicate starts its own review: none of the original's workflow state comes along." (saveEditsAsDrafts)
  for (const state of ['draft', 'in_review', 'approved', 'published'] as const) {
    it(`duplicates a${state === 'in_review' || state === 'approved' ? 'n' : ''} ${state} article as a fresh private draft that starts its own review`, async () => {
      const original = await articleIn(state)
      const res = await api('POST', `/api/articles/${original.id}/duplicate?depth=0`, {
        auth: auth.publisher,
        json: {},
      })
      expect(res.status, messageOf(res)).toBe(200)
      const copy: Id = res.body.doc.id
      expect(copy).not.toBe(original.id)
      await expectNotPublic(copy)
      expect(await latest(copy)).toMatchObject({
        _status: 'draft',
        reviewState: 'draft',
        submittedBy: null,
        approvedBy: null,
        approvedAt: null,
        approvedHash: null,
      })
      const act = await workflowState(auth.publisher, copy)
      expect(act.body).toMatchObject({ reviewState: 'draft', history: [] })
      const publishCopy = await workflow(auth.publisher, copy, { action: 'publish' })
      expectRefused(publishCopy, 409, '"draft"', '"approved"')
      await expectNotPublic(copy)
    })
  }

  it('keeps a published article as it is live when it is saved with ?draft=false', async () => {
    const article = await articleIn('published')
    const edit = await api('PATCH', `/api/articles/${article.id}?draft=false&depth=0`, {
      auth: auth.publisher,
      json: { title: 'Unreviewed headline' },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    await publicTitleIs(article.id, article.title)
    expect((await latest(article.id)).reviewState).toBe('draft')
  })

  it('keeps drafts private when created with ?draft=false and no status', async () => {
    const title = 'Created with draft=false'
    const res = await api('POST', '/api/articles?draft=false&depth=0', {
      auth: auth.publisher,
      json: { title, dek: 'No review.', authors: [deskAuthor.id], body: body('Text.') },
    })
    expect(res.status, messageOf(res)).toBe(201)
    expect(res.body.doc).toMatchObject({ _status: 'draft', reviewState: 'draft' })
    await expectNotPublic(res.body.doc.id)
  })

  it('refuses a contributor edit of an article in review, naming the states in which contributors edit', async () => {
    const article = await articleIn('in_review', [contributorAuthor.id])
    const res = await api('PATCH', `/api/articles/${article.id}`, {
      auth: auth.contributor,
      json: { title: 'Changed under review' },
    })
    expectRefused(res, 403, /contributors/, /"in_review"/, /"draft"/, /"changes_requested"/)
    expect((await latest(article.id)).title).toBe(article.title)
  })
})

describe('the audit trail', () => {
  let articleId: Id
  let eventId: Id

  beforeAll(async () => {
    const article = await articleIn('draft')
    articleId = article.id
    const res = await workflow(auth.editor, article.id, { action: 'submit' })
    expect(res.status, messageOf(res)).toBe(200)
    eventId = res.body.event.id
    expect(eventId).toBeDefined()
  })

  it('cannot be written over REST, not even by an admin', async () => {
    const created = await api('POST', '/api/workflow-events', {
      auth: auth.admin,
      json: {
        article: articleId,
        seq: 99,
        action: 'approve',
        from: 'in_review',
        to: 'approved',
        actor: admin.id,
      },
    })
    expectRefused(created, 403, /not allowed/)
    const changed = await api('PATCH', `/api/workflow-events/${eventId}`, {
      auth: auth.admin,
      json: { note: 'rewritten history' },
    })
    expectRefused(changed, 403, /not allowed/)
    const deleted = await api('DELETE', `/api/workflow-events/${eventId}`, { auth: auth.admin })
    expectRefused(deleted, 403, /not allowed/)

    const trail = await workflowState(auth.admin, articleId)
    expect(trail.body.history).toHaveLength(1)
    expect(trail.body.history[0]).toMatchObject({
      action: 'submit',
      note: null,
      actor: { id: editor.id },
    })
    const stored = await payload.findByID({ collection: 'workflow-events', id: eventId, depth: 0 })
    expect(stored).toMatchObject({ action: 'submit', seq: 1, note: null })
  })

  it("names who acted and the article's title, so the audit list finds events by either", async () => {
    const stored = await payload.findByID({ collection: 'workflow-events', id: eventId, depth: 0 })
    const article = await latest(articleId)
    expect(stored).toMatchObject({ actorName: editor.name, articleTitle: article.title })
    // The admin's search box queries these two fields (listSearchableFields) with `like`.
    const byActor = await api(
      'GET',
      `/api/workflow-events?depth=0&where[actorName][like]=${encodeURIComponent(editor.name.split(' ')[0])}&where[article][equals]=${articleId}`,
      { auth: auth.publisher },
    )
    expect(byActor.body.docs.map((event: { id: Id }) => event.id)).toEqual([eventId])
    const byTitle = await api(
      'GET',
      `/api/workflow-events?depth=0&where[articleTitle][like]=${encodeURIComponent(article.title.slice(0, 12))}`,
      { auth: auth.publisher },
    )
    expect(byTitle.body.docs.map((event: { id: Id }) => event.id)).toContain(eventId)
  })

  it('cannot be written over GraphQL, not even by an admin', async () => {
    const create = await graphql(
      server.url,
      `mutation { createWorkflowEvent(data: { article: ${JSON.stringify(articleId)}, seq: 99, action: approve, from: in_review, to: approved }) { id } }`,
      undefined,
      auth.admin,
    )
    expect(create.body.errors?.[0]?.message).toMatch(/not allowed/)
    expect(create.body.data?.createWorkflowEvent ?? null).toBeNull()

    const update = await graphql(
      server.url,
      `mutation { updateWorkflowEvent(id: ${JSON.stringify(eventId)}, data: { note: "rewritten" }) { id note } }`,
      undefined,
      auth.admin,
    )
    expect(update.body.errors?.[0]?.message).toMatch(/not allowed/)
    expect(update.body.data?.updateWorkflowEvent ?? null).toBeNull()

    const remove = await graphql(
      server.url,
      `mutation { deleteWorkflowEvent(id: ${JSON.stringify(eventId)}) { id } }`,
      undefined,
      auth.admin,
    )
    expect(remove.body.errors?.[0]?.message).toMatch(/not allowed/)
    expect(remove.body.data?.deleteWorkflowEvent ?? null).toBeNull()

    const count = await payload.count({
      collection: 'workflow-events',
      where: { article: { equals: articleId } },
    })
    expect(count.totalDocs).toBe(1)
    const stored = await payload.findByID({ collection: 'workflow-events', id: eventId, depth: 0 })
    expect(stored.note).toBeNull()
  })

  it('is not readable anonymously', async () => {
    const res = await api('GET', '/api/workflow-events')
    if (res.status === 200) expect(res.body.docs).toEqual([])
    else expectRefused(res, 403, /not allowed/)
    const one = await api('GET', `/api/workflow-events/${eventId}`)
    expect([403, 404]).toContain(one.status)
    expect(messageOf(one)).toMatch(/not allowed|not found/i)
  })
})

describe('editing a published article', () => {
  it('keeps the published version live until the new revision goes through review and is published', async () => {
    const article = await articleIn('published')
    await publicTitleIs(article.id, article.title)

    const edit = await api('PATCH', `/api/articles/${article.id}?depth=0`, {
      auth: auth.editor,
      json: { title: 'Corrected headline' },
    })
    expect(edit.status, messageOf(edit)).toBe(200)
    expect(edit.body.doc).toMatchObject({ title: 'Corrected headline', reviewState: 'draft' })

    await publicTitleIs(article.id, article.title)
    const state = await workflowState(auth.editor, article.id)
    expect(state.status).toBe(200)
    expect(state.body.reviewState).toBe('draft')
    expect(state.body.history[0]).toMatchObject({
      action: 'edited_live',
      from: 'published',
      to: 'draft',
      actor: { id: editor.id },
    })
    expect(state.body.history[0].note).toMatch(/title changed/)
    expect(state.body.allowedActions).toEqual(['submit'])

    const submitted = await workflow(auth.editor, article.id, { action: 'submit' })
    expect(submitted.status, messageOf(submitted)).toBe(200)
    await publicTitleIs(article.id, article.title)
    const approved = await workflow(auth.publisher, article.id, { action: 'approve' })
    expect(approved.status, messageOf(approved)).toBe(200)
    await publicTitleIs(article.id, article.title)
    const published = await workflow(auth.publisher, article.id, { action: 'publish' })
    expect(published.status, messageOf(published)).toBe(200)
    expect(published.body.reviewState).toBe('published')

    await publicTitleIs(article.id, 'Corrected headline')
  })
})

/** The public (anonymous REST and GraphQL) sees the article with this title. */
async function publicTitleIs(id: Id, title: string) {
  const one = await api('GET', `/api/articles/${id}?depth=0`)
  expect(one.status).toBe(200)
  expect(one.body.title).toBe(title)
  const listed = await api('GET', `/api/articles?where[id][equals]=${id}&depth=0`)
  expect(listed.body.docs.map((doc: Article) => doc.title)).toEqual([title])
}
