/**
 * The editorial workflow in a real browser, as the demo newsroom's people do it: a contributor
 * writes and submits, an editor asks for changes, the contributor revises, a publisher approves and
 * publishes, a reader comments and an editor approves the comment; a publisher cannot approve
 * their own piece; and an admin finds the publish's webhook, which could not be delivered, under
 * Jobs, which nobody else sees. Each step depends on the one before; after a failure the rest are skipped.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject } from 'vitest'

import { richText } from '../../src/lib/richText'
import {
  act,
  bodyOf,
  fetchAsUser,
  launch,
  openArticle,
  panel,
  panelActions,
  panelHistory,
  panelState,
  PASSWORD,
  publishControls,
  queue,
  screenshot,
  settled,
  storySteps,
  type Role,
  type Session,
  userWindows,
} from './browser'

const baseUrl = inject('baseUrl')
const deadWebhookUrl = inject('deadWebhookUrl')

// On a fresh server the texts are as a newsroom would write them (the screenshots show them); on a
// shared one (E2E_BASE_URL) a suffix keeps this run's titles, slugs and comments apart from earlier runs'.
const run = inject('sharedServer') ? ` ${Date.now().toString(36)}` : ''
const TITLE = `Night ferries need a timetable people can read${run}`
const DEK = 'The harbour ferry runs all night; its printed timetable hides that.'
const NEW_DEK = 'The harbour ferry runs all night. Its timetable should say so on the first page.'
const PARAGRAPH =
  'Ask anyone on the quay at midnight when the next boat leaves: they check their phone, never the board.'
const QUOTE = 'The late crossings carry more shift workers than the morning ones.'
const SOURCE = 'The Harbour Gazette'
const NOTE = `Please tighten the standfirst: say what the timetable gets wrong${run}.`
const COMMENTER = `Dana Whitlock${run}`
const COMMENT = `I take the 00:40 crossing every night; thank you for writing this${run}.`
const COMMENTER_EMAIL = `dana${run.trim()}@example.org`
const OWN_TITLE = `What a publisher owes a small town${run}`

const NAMES: Record<Role, string> = {
  admin: 'Alex Admin',
  publisher: 'Ingrid Halvorsen',
  editor: 'Tomás Reyes',
  contributor: 'Maya Okafor',
}

let browser: Browser
let articleId: number
let slug: string
let publishedAt: number

const { sessions, as } = userWindows(() => browser, baseUrl)
const step = storySteps(sessions, 'step')

/** A job as an admin reads it over REST (`payload-jobs`, what the Jobs list shows). */
type Job = {
  id: number
  taskSlug: string
  totalTried: number
  hasError: boolean
  input: { url: string; eventId: string; body: string }
  error: { message: string }
}

/**
 * Waits for the delivery of an article's webhook to fail for good: 9 attempts, one per 5-second turn
 * of the server's runner, so about 45 s after the publish. Polled, with room for a loaded machine.
 */
async function failedWebhookFor(
  page: Session['page'],
  id: number,
  timeoutMs: number,
): Promise<Job> {
  const deadline = Date.now() + timeoutMs
  let seen = 'no deliverWebhook job for it yet'
  for (;;) {
    const { status, body } = await fetchAsUser(
      page,
      '/api/payload-jobs?where[taskSlug][equals]=deliverWebhook&depth=0&limit=100',
    )
    expect(status, JSON.stringify(body)).toBe(200)
    const job = (body.docs as Job[]).find((doc) => JSON.parse(doc.input.body).id === id)
    if (job?.hasError) return job
    if (job) seen = `tried ${job.totalTried} times, hasError ${job.hasError}`
    if (Date.now() > deadline)
      throw new Error(
        `The webhook of article ${id} had not failed for good after ${timeoutMs / 1000} s: ${seen}.`,
      )
    await page.waitForTimeout(1_000)
  }
}

async function publicArticle(articleSlug: string) {
  const res = await fetch(`${baseUrl}/api/public/articles/${articleSlug}`)
  return { status: res.status, body: (await res.json()) as any }
}

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

describe.sequential('editorial workflow in the admin UI', () => {
  step(
    '1. a contributor writes an article with a cited quote and submits it for review',
    async () => {
      const { page } = await as('contributor')
      // A contributor's desk has the review queues (their own articles) and no comment moderation.
      expect(await queue(page, 'in_review').count()).toBe(1)
      expect(await queue(page, 'comments').count()).toBe(0)

      await page.goto('/admin/collections/articles')
      await page.getByRole('link', { name: 'Create New' }).first().click()
      await page.waitForURL('**/admin/collections/articles/create', { waitUntil: 'commit' })
      const editor = page.locator('[data-lexical-editor="true"]')
      await editor.waitFor()
      expect(await publishControls(page)).toEqual([])

      await page.locator('input[name="title"]').fill(TITLE)
      await page.locator('textarea[name="dek"]').fill(DEK)
      await editor.click()
      await page.keyboard.type(PARAGRAPH)
      await page.keyboard.press('Enter')
      // The Quote block, from Lexical's slash menu: quoted text and the source it cites.
      await page.keyboard.type('/')
      await page.locator('#slash-menu').getByRole('option', { name: 'Quote' }).click()
      const quote = page.locator('.LexicalEditorTheme__block-quote')
      await quote.locator('textarea[name="text"]').fill(QUOTE)
      // Payload's Lexical block sends each change to the server and writes the answer back into the
      // block; a Source chosen while the Text's answer is on its way is dropped from the saved body
      // (the select still shows it, and the draft is saved with an unsourced quote that submission
      // then refuses). A person pauses here anyway; the test waits for that answer.
      await settled(page)
      await quote.locator('#field-source .rs__control').click()
      await page.keyboard.type('Harbour')
      await page.locator('.rs__option', { hasText: SOURCE }).click()
      expect(await quote.locator('#field-source .rs__single-value').innerText()).toContain(SOURCE)

      // Autosave starts once the article exists; a new one is saved with Save Draft.
      await settled(page)
      const [created] = await Promise.all([
        page.waitForResponse(
          (res) =>
            res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/articles',
        ),
        page.getByRole('button', { name: 'Save Draft' }).click(),
      ])
      expect(created.status(), await bodyOf(created)).toBe(201)
      // The admin replaces the URL without loading a page.
      await page.waitForURL(/\/admin\/collections\/articles\/\d+$/, { waitUntil: 'commit' })
      articleId = Number(/\/articles\/(\d+)$/.exec(page.url())![1])
      await panel(page).waitFor()
      expect(await panelState(page)).toBe('draft')
      expect(await panelActions(page)).toEqual(['Submit for review'])
      expect(await panelHistory(page)).toEqual(['Not yet submitted.'])
      // The server made her the author and listed the cited source.
      expect(await page.locator('#field-authors').innerText()).toContain(NAMES.contributor)
      expect(await page.locator('#field-sources').innerText()).toContain(SOURCE)

      // What was saved: the paragraph and the Quote block citing the source.
      const saved = await fetchAsUser(page, `/api/articles/${articleId}?draft=true&depth=1`)
      expect(saved.status).toBe(200)
      expect(saved.body).toMatchObject({
        title: TITLE,
        dek: DEK,
        _status: 'draft',
        reviewState: 'draft',
      })
      slug = saved.body.slug
      expect(slug).toBe(TITLE.toLowerCase().replaceAll(' ', '-'))
      const [paragraph, block] = saved.body.body.root.children
      expect(paragraph.children[0].text).toBe(PARAGRAPH)
      expect(block.fields).toMatchObject({ blockType: 'quote', text: QUOTE })
      const harbour = await fetchAsUser(
        page,
        `/api/sources?where[name][equals]=${encodeURIComponent(SOURCE)}&depth=0`,
      )
      const cited = block.fields.source
      expect(typeof cited === 'object' ? cited?.id : cited).toBe(harbour.body.docs[0].id)
      expect(saved.body.sources.map((source: { name: string }) => source.name)).toEqual([SOURCE])

      // Nothing on the page publishes, not even in the document menu.
      expect(await publishControls(page)).toEqual([])
      await page.locator('.doc-controls__dots').click()
      await page.locator('.popup__content').first().waitFor()
      expect(await publishControls(page)).toEqual([])
      await page.keyboard.press('Escape')
      await screenshot(page, '01-contributor-draft')

      await act(page, articleId, 'Submit for review', 'in_review')
      expect(await panelActions(page)).toEqual(['Withdraw'])
      expect((await panelHistory(page))[0]).toMatch(
        new RegExp(`^Submit for review \\(draft → in review\\) by ${NAMES.contributor},`),
      )
      expect(await publishControls(page)).toEqual([])
      await screenshot(page, '02-contributor-submitted', {
        selector: '[data-testid="workflow-panel"]',
        name: '02-contributor-submitted-panel',
      })
    },
  )

  step('2. an editor finds it in the review queue and requests changes with a note', async () => {
    const { page } = await as('editor')
    const link = queue(page, 'in_review').getByRole('link', { name: TITLE })
    await link.waitFor()
    expect(await queue(page, 'in_review').locator('h4').innerText()).toMatch(/^In review\s+\d+$/)
    // Editors also see the comments waiting for moderation.
    expect(await queue(page, 'comments').count()).toBe(1)
    await screenshot(page, '03-editor-dashboard', {
      selector: '[data-testid="review-dashboard"]',
      name: '03-editor-dashboard-desk',
    })

    await link.click()
    await page.waitForURL(`**/admin/collections/articles/${articleId}`, { waitUntil: 'commit' })
    await panel(page).waitFor()
    expect(await panelState(page)).toBe('in_review')
    const actions = await panelActions(page)
    expect(actions).toContain('Request changes')
    expect(actions).not.toContain('Approve')
    expect(actions).not.toContain('Publish')

    await panel(page).getByLabel('Note for the authors').fill(NOTE)
    await act(page, articleId, 'Request changes', 'changes_requested')
    const [latest] = await panelHistory(page)
    expect(latest).toMatch(
      new RegExp(`^Request changes \\(in review → changes requested\\) by ${NAMES.editor},`),
    )
    expect(latest).toContain(`“${NOTE}”`)
    await screenshot(page, '04-editor-requested-changes', {
      selector: '[data-testid="workflow-panel"]',
      name: '04-editor-requested-changes-panel',
    })
  })

  step(
    '3. the contributor reads the note, revises the standfirst (autosaved) and resubmits',
    async () => {
      const { page } = await as('contributor')
      await page.goto('/admin')
      await queue(page, 'changes_requested').getByRole('link', { name: TITLE }).click()
      await page.waitForURL(`**/admin/collections/articles/${articleId}`, { waitUntil: 'commit' })
      await panel(page).waitFor()
      expect(await panelState(page)).toBe('changes_requested')
      const [latest] = await panelHistory(page)
      expect(latest).toContain(`by ${NAMES.editor}`)
      expect(latest).toContain(`“${NOTE}”`)
      expect(await panelActions(page)).toEqual(['Submit for review'])
      await screenshot(page, '05-contributor-reads-note', {
        selector: '[data-testid="workflow-panel"]',
        name: '05-contributor-reads-note-panel',
      })

      // Autosave stores the edit a couple of seconds after typing stops.
      const autosaved = page.waitForResponse(
        (res) =>
          res.request().method() === 'PATCH' &&
          new URL(res.url()).pathname === `/api/articles/${articleId}` &&
          new URL(res.url()).searchParams.get('autosave') === 'true' &&
          (res.request().postData() ?? '').includes(NEW_DEK),
      )
      await page.locator('textarea[name="dek"]').fill(NEW_DEK)
      expect((await autosaved).status()).toBe(200)
      const saved = await fetchAsUser(page, `/api/articles/${articleId}?draft=true&depth=0`)
      expect(saved.body.dek).toBe(NEW_DEK)

      await act(page, articleId, 'Submit for review', 'in_review')
      const history = await panelHistory(page)
      expect(history[0]).toMatch(
        new RegExp(
          `^Submit for review \\(changes requested → in review\\) by ${NAMES.contributor},`,
        ),
      )
      expect(history).toHaveLength(3)
      expect(await page.locator('textarea[name="dek"]').inputValue()).toBe(NEW_DEK)
      expect(await publishControls(page)).toEqual([])
      await screenshot(page, '06-contributor-resubmitted')
    },
  )

  step('4. a publisher approves and publishes it from the panel', async () => {
    const { page } = await as('publisher')
    await queue(page, 'in_review').getByRole('link', { name: TITLE }).click()
    await page.waitForURL(`**/admin/collections/articles/${articleId}`, { waitUntil: 'commit' })
    await panel(page).waitFor()
    expect(await panelState(page)).toBe('in_review')
    const actions = await panelActions(page)
    expect(actions).toContain('Approve')
    expect(actions).not.toContain('Publish')

    await act(page, articleId, 'Approve', 'approved')
    expect(await panelActions(page)).toContain('Publish')
    expect((await panelHistory(page))[0]).toMatch(
      new RegExp(`^Approve \\(in review → approved\\) by ${NAMES.publisher},`),
    )

    await act(page, articleId, 'Publish', 'published')
    publishedAt = Date.now()
    expect(await panelState(page)).toBe('published')
    expect(await panel(page).locator('h4').innerText()).toMatch(/Review:\s*published/)
    expect((await panelHistory(page))[0]).toMatch(
      new RegExp(`^Publish \\(approved → published\\) by ${NAMES.publisher},`),
    )
    expect(await panelActions(page)).not.toContain('Publish')
    await screenshot(page, '07-publisher-published', {
      selector: '[data-testid="workflow-panel"]',
      name: '07-publisher-published-panel',
    })

    // The articles list shows it as published too.
    await page.goto('/admin/collections/articles')
    const row = page.locator('tr', { has: page.getByRole('link', { name: TITLE }) })
    expect(await row.locator('[data-review-state]').getAttribute('data-review-state')).toBe(
      'published',
    )
  })

  step(
    '5. the public reads it, a reader comments, an editor approves the comment, the public sees it',
    async () => {
      const live = await publicArticle(slug)
      expect(live.status).toBe(200)
      expect(live.body).toMatchObject({
        id: articleId,
        title: TITLE,
        slug,
        dek: NEW_DEK,
        comments: [],
      })
      expect(live.body.authors.map((author: { name: string }) => author.name)).toEqual([
        NAMES.contributor,
      ])
      expect(live.body.sources.map((source: { name: string }) => source.name)).toEqual([SOURCE])
      expect(live.body.body.root.children[1].fields).toMatchObject({
        blockType: 'quote',
        text: QUOTE,
      })
      expect(live.body).not.toHaveProperty('reviewState')

      const posted = await fetch(`${baseUrl}/api/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          article: articleId,
          authorName: COMMENTER,
          authorEmail: COMMENTER_EMAIL,
          body: COMMENT,
          website: '',
        }),
      })
      const comment = (await posted.json()) as any
      expect(posted.status, JSON.stringify(comment)).toBe(201)
      expect(comment.doc).toMatchObject({ authorName: COMMENTER, body: COMMENT, status: 'pending' })
      expect((await publicArticle(slug)).body.comments).toEqual([])

      const { page } = await as('editor')
      await page.goto('/admin')
      expect(await queue(page, 'comments').innerText()).toContain(COMMENTER)
      await page.goto('/admin/collections/comments')
      await page.getByRole('link', { name: COMMENTER, exact: true }).click()
      await page.waitForURL(`**/admin/collections/comments/${comment.doc.id}`, {
        waitUntil: 'commit',
      })
      const status = page.locator('#field-status')
      expect(await status.locator('.rs__single-value').innerText()).toBe('Pending')
      await status.locator('.rs__control').click()
      await page.locator('.rs__option', { hasText: /^Approved$/ }).click()
      const saved = page.waitForResponse(
        (res) =>
          res.request().method() === 'PATCH' &&
          new URL(res.url()).pathname === `/api/comments/${comment.doc.id}`,
      )
      await settled(page)
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      expect((await saved).status()).toBe(200)
      await page.getByText('successfully', { exact: false }).first().waitFor()
      expect(await status.locator('.rs__single-value').innerText()).toBe('Approved')
      // The server recorded who moderated it.
      await page.locator('#field-moderatedBy', { hasText: NAMES.editor }).waitFor()
      await screenshot(page, '08-editor-approved-comment')

      const after = await publicArticle(slug)
      expect(after.body.comments).toEqual([
        {
          id: comment.doc.id,
          authorName: COMMENTER,
          body: COMMENT,
          createdAt: comment.doc.createdAt,
          replies: [],
        },
      ])
    },
  )

  step(
    '6. a publisher who wrote an article finds no Approve, and the API refuses (four-eyes)',
    async () => {
      // The admin writes it for Ingrid Halvorsen (the publisher's author profile), over REST.
      const login = await fetch(`${baseUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.com', password: PASSWORD }),
      })
      expect(login.status).toBe(200)
      const admin = {
        Authorization: `JWT ${((await login.json()) as { token: string }).token}`,
        'Content-Type': 'application/json',
      }
      const find = async (collection: string, name: string) => {
        const res = await fetch(
          `${baseUrl}/api/${collection}?where[name][equals]=${encodeURIComponent(name)}&depth=0`,
          { headers: admin },
        )
        return ((await res.json()) as { docs: { id: number }[] }).docs[0].id
      }
      const created = await fetch(`${baseUrl}/api/articles?draft=true&depth=0`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          title: OWN_TITLE,
          dek: 'Why a local paper is worth paying for, from the person who has to make it pay.',
          authors: [await find('authors', NAMES.publisher)],
          body: richText('A town without a paper is a town that finds out last.', {
            quote: 'Readers who pay stay twice as long.',
            source: await find('sources', SOURCE),
          }),
        }),
      })
      const own = (await created.json()) as any
      expect(created.status, JSON.stringify(own)).toBe(201)

      // Submitted by someone else: the editor, from their browser session.
      const editor = await as('editor')
      const submitted = await fetchAsUser(editor.page, `/api/articles/${own.doc.id}/workflow`, {
        json: { action: 'submit' },
      })
      expect(submitted).toMatchObject({ status: 200, body: { reviewState: 'in_review' } })

      const { page } = await as('publisher')
      await openArticle(page, own.doc.id)
      expect(await panelState(page)).toBe('in_review')
      expect((await panelHistory(page))[0]).toMatch(
        new RegExp(`^Submit for review \\(draft → in review\\) by ${NAMES.editor},`),
      )
      const actions = await panelActions(page)
      expect(actions).not.toContain('Approve')
      expect(actions).not.toContain('Publish')
      expect(await page.locator('#field-authors').innerText()).toContain(NAMES.publisher)
      await screenshot(page, '09-publisher-own-article', {
        selector: '[data-testid="workflow-panel"]',
        name: '09-publisher-own-article-panel',
      })

      // The server refuses it too, with the publisher's own session.
      const refused = await fetchAsUser(page, `/api/articles/${own.doc.id}/workflow`, {
        json: { action: 'approve' },
      })
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/four-eyes/i)
      await page.reload()
      await panel(page).waitFor()
      expect(await panelState(page)).toBe('in_review')
    },
  )

  step(
    '7. an admin finds a webhook delivery that failed for good under Jobs, with its error',
    async () => {
      const { page } = await as('admin')
      const job = await failedWebhookFor(page, articleId, 150_000)
      console.log(
        `e2e: the webhook failed for good ${((Date.now() - publishedAt) / 1000).toFixed(0)} s after the publish`,
      )
      expect(job).toMatchObject({
        taskSlug: 'deliverWebhook',
        totalTried: 9,
        hasError: true,
        input: { url: deadWebhookUrl },
      })
      const message = `Webhook article.published ${job.input.eventId} to ${deadWebhookUrl} failed: fetch failed (connect ECONNREFUSED`
      expect(job.error.message).toContain(message)
      const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as {
        jobs?: { failed: number }
      }
      expect(health.jobs).toEqual({ failed: 1 })

      // The navigation (closed at first, so opened from the header) shows Jobs; its list has the delivery.
      await page.goto('/admin')
      await page.getByRole('button', { name: 'Open Menu' }).first().click()
      await page.locator('nav').getByRole('link', { name: 'Jobs', exact: true }).click()
      await page.waitForURL('**/admin/collections/payload-jobs', { waitUntil: 'commit' })
      const row = page.locator('tr', {
        has: page.locator(`a[href$="/admin/collections/payload-jobs/${job.id}"]`),
      })
      await row.waitFor()
      expect(await row.innerText()).toContain('deliverWebhook')
      await screenshot(page, '10-admin-jobs-list')

      // Its page: failed for good after 9 attempts, the error in plain text. (Payload draws JSON
      // fields such as Error in Monaco, loaded from a CDN that the site's CSP refuses, as would an
      // offline machine; the Error message field shows the text without it.)
      await row.locator(`a[href$="/admin/collections/payload-jobs/${job.id}"]`).first().click()
      await page.waitForURL(`**/admin/collections/payload-jobs/${job.id}`, { waitUntil: 'commit' })
      expect(await page.locator('#field-totalTried').inputValue()).toBe('9')
      expect(await page.locator('#field-hasError').isChecked()).toBe(true)
      await page.locator('#field-errorMessage').waitFor()
      expect(await page.locator('#field-errorMessage').inputValue()).toContain(message)
      await screenshot(page, '11-admin-failed-webhook')

      // Nobody else sees Jobs, in the navigation or at its address.
      for (const who of ['editor', 'publisher'] as const) {
        const { page } = await as(who)
        await page.goto('/admin')
        const nav = page.locator('nav')
        // The closed navigation has its links all the same (the admin's has Jobs among them).
        await nav
          .getByRole('link', { name: 'Articles', exact: true })
          .waitFor({ state: 'attached' })
        expect(await nav.getByRole('link', { name: 'Jobs', exact: true }).count(), who).toBe(0)
        expect(await page.locator('a[href*="/collections/payload-jobs"]').count(), who).toBe(0)
        const res = await page.goto('/admin/collections/payload-jobs')
        expect(res?.status(), who).toBe(404)
        await page.getByText('Nothing found', { exact: true }).waitFor()
        expect(await page.locator('tr').count(), who).toBe(0)
        if (who === 'editor') await screenshot(page, '13-editor-no-jobs')
        expect((await fetchAsUser(page, '/api/payload-jobs?depth=0')).status, who).toBe(403)
      }
    },
    {
      timeout: 240_000,
      skip: deadWebhookUrl
        ? undefined
        : "E2E_BASE_URL: that server's webhooks do not go to an address this test controls",
    },
  )
})
