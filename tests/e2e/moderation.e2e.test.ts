/**
 * Moderation and the audit trail in a real browser: readers post comments; an editor approves one
 * from the review desk and marks another as spam from the comments list, each with one click,
 * and rejects two more at once; a reader's words stay read-only and a status cannot be cleared; a
 * publisher finds events in the audit trail by article title and by who acted, and sees on the
 * desk which articles in review are not theirs to approve, and why.
 */
import type { Browser, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject } from 'vitest'

import { richText } from '../../src/lib/richText'
import { fetchAsUser, launch, queue, screenshot, settled, storySteps, userWindows } from './browser'

const baseUrl = inject('baseUrl')
// On a shared server (E2E_BASE_URL) a suffix keeps this run's readers and titles apart from earlier runs'.
const run = inject('sharedServer') ? ` ${Date.now().toString(36)}` : ''
const ARTICLE = 'The night bus is a public service, not a luxury'
const READERS = ['Olu Bankole', 'Marit Lie', 'Kasia Nowak', 'Bram de Vries'].map((name, i) => ({
  authorName: `${name}${run}`,
  authorEmail: `${name.split(' ')[0].toLowerCase()}${run.replace(' ', '-')}@example.org`,
  body: `Comment ${i + 1}${run}: the N3 timetable changed twice this winter and nobody told the riders who depend on it most.`,
}))
const OWN_TITLE = `A publisher's own piece on the late buses${run}`

let browser: Browser
const ids: number[] = []

const { sessions, as } = userWindows(() => browser, baseUrl)
const step = storySteps(sessions, 'moderation')

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

/** The PATCH the page sends for comment `id` (or for a selection, `/api/comments?where…`). */
const moderationRequest = (page: Page, path: string): Promise<Response> =>
  page.waitForResponse(
    (res) => res.request().method() === 'PATCH' && new URL(res.url()).pathname === path,
  )

async function commentAsStaff(page: Page, id: number) {
  const { status, body } = await fetchAsUser(page, `/api/comments/${id}?depth=1`)
  expect(status).toBe(200)
  return body
}

/** The comments list's row for a reader's comment. */
const listRow = (page: Page, authorName: string) =>
  page.locator('.table tbody tr', {
    has: page.getByRole('link', { name: authorName, exact: true }),
  })

describe('moderation and the audit trail', () => {
  step('1. readers comment on a published article; each waits for moderation', async () => {
    const res = await fetch(
      `${baseUrl}/api/articles?where[title][equals]=${encodeURIComponent(ARTICLE)}&depth=0`,
    )
    const { docs } = (await res.json()) as { docs: { id: number }[] }
    expect(docs, ARTICLE).toHaveLength(1)
    for (const reader of READERS) {
      const posted = await fetch(`${baseUrl}/api/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ article: docs[0].id, ...reader, website: '' }),
      })
      const answer = (await posted.json()) as { doc: { id: number; status: string } }
      expect(posted.status, JSON.stringify(answer)).toBe(201)
      expect(answer.doc.status).toBe('pending')
      ids.push(answer.doc.id)
    }
  })

  step(
    '2. the desk shows each pending comment (a line, its article, author and age) and approves one with a click',
    async () => {
      const { page } = await as('editor')
      await page.goto('/admin')
      const comments = queue(page, 'comments')
      const row = comments.locator(`tr[data-comment="${ids[0]}"]`)
      await row.waitFor()
      const cells = await row.locator('td').allInnerTexts()
      expect(cells[0]).toContain(`Comment 1${run}:`)
      expect(cells.slice(1, 4)).toEqual([
        ARTICLE,
        READERS[0].authorName,
        expect.stringMatching(/^(just now|\d+ min ago)$/),
      ])
      // The whole text is a hover away; the cell holds one line of it.
      expect(await row.locator('.comment-line').getAttribute('title')).toBe(READERS[0].body)
      expect(
        await row.locator('.comment-line').evaluate((el) => getComputedStyle(el).whiteSpace),
      ).toBe('nowrap')

      const saved = moderationRequest(page, `/api/comments/${ids[0]}`)
      await row.getByRole('button', { name: 'Approve', exact: true }).click()
      expect((await saved).status()).toBe(200)
      await page.getByText(`${READERS[0].authorName}'s comment: approved.`).waitFor()
      // The desk refreshes in place: the comment has left the queue.
      await row.waitFor({ state: 'detached' })
      const stored = await commentAsStaff(page, ids[0])
      expect(stored).toMatchObject({ status: 'approved', moderatedBy: { name: 'Tomás Reyes' } })
    },
  )

  step(
    '3. the comments list has the same columns and marks a comment as spam with a click',
    async () => {
      const { page } = await as('editor')
      await page.goto('/admin/collections/comments')
      const headings = (await page.locator('.table thead th').allInnerTexts()).map((t) => t.trim())
      for (const heading of ['Author Name', 'Comment', 'Article', 'Received', 'Status', 'Moderate'])
        expect(headings, headings.join(', ')).toContain(heading)
      const row = listRow(page, READERS[1].authorName)
      expect(await row.locator('.comment-line').getAttribute('title')).toBe(READERS[1].body)
      expect(await row.locator('[data-comment-status]').innerText()).toBe('Pending')
      expect(await row.locator('time').innerText()).toMatch(/^(just now|\d+ min ago)$/)

      const saved = moderationRequest(page, `/api/comments/${ids[1]}`)
      await row.getByRole('button', { name: 'Spam', exact: true }).click()
      expect((await saved).status()).toBe(200)
      await row.locator('[data-comment-status="spam"]').waitFor()
      // The verdict it has is the one button it no longer offers.
      expect(await row.getByRole('button', { name: 'Spam', exact: true }).isDisabled()).toBe(true)
      expect((await commentAsStaff(page, ids[1])).status).toBe('spam')
    },
  )

  step('4. selected comments get one verdict together', async () => {
    const { page } = await as('editor')
    await page.goto('/admin/collections/comments')
    for (const reader of READERS.slice(2)) {
      await listRow(page, reader.authorName).locator('.select-row__checkbox input').check()
    }
    const bar = page.locator('[data-bulk-moderation]')
    expect(await bar.innerText()).toContain('2 selected')
    const saved = page.waitForResponse(
      (res) =>
        res.request().method() === 'PATCH' &&
        new URL(res.url()).pathname === '/api/comments' &&
        res.url().includes('where'),
    )
    await bar.getByRole('button', { name: 'Reject all', exact: true }).click()
    expect((await saved).status()).toBe(200)
    await page.getByText('2 comments: rejected.').waitFor()
    for (const reader of READERS.slice(2))
      await listRow(page, reader.authorName).locator('[data-comment-status="rejected"]').waitFor()
    await bar.waitFor({ state: 'detached' })
    for (const id of ids.slice(2)) expect((await commentAsStaff(page, id)).status).toBe('rejected')
  })

  step(
    "5. a reader's name, email and text are read-only, and a comment's status cannot be cleared",
    async () => {
      const { page } = await as('editor')
      await page.goto(`/admin/collections/comments/${ids[0]}`)
      const name = page.locator('#field-authorName')
      await name.waitFor()
      expect(await name.isEditable()).toBe(false)
      expect(await page.locator('#field-authorEmail').isEditable()).toBe(false)
      expect(await page.locator('#field-body').isEditable()).toBe(false)
      const status = page.locator('#field-status')
      expect(await status.locator('.rs__single-value').innerText()).toBe('Approved')
      expect(await status.locator('.clear-indicator').count()).toBe(0)

      // Past the form, the server refuses too, in words.
      const rewrite = await fetchAsUser(page, `/api/comments/${ids[0]}`, {
        method: 'PATCH',
        json: { body: 'Words the reader never wrote.' },
      })
      expect(rewrite.status).toBe(403)
      expect(rewrite.body.errors[0].message).toMatch(/^A comment's text is the reader's own/)
      const cleared = await fetchAsUser(page, `/api/comments/${ids[0]}`, {
        method: 'PATCH',
        json: { status: null },
      })
      expect(cleared.status).toBe(400)
      expect(JSON.stringify(cleared.body)).toContain('A comment always has a status')
      expect(await commentAsStaff(page, ids[0])).toMatchObject({
        status: 'approved',
        body: READERS[0].body,
      })
    },
  )

  step(
    '6. the audit trail is searched by article title and by who acted, with states in words and the note shown',
    async () => {
      const { page } = await as('publisher')
      await page.goto('/admin/collections/workflow-events')
      const headings = (await page.locator('.table thead th').allInnerTexts()).map((t) => t.trim())
      for (const heading of ['Article title', 'Action', 'From', 'To', 'Actor', 'Note'])
        expect(headings, headings.join(', ')).toContain(heading)

      const search = page.locator('#search-filter-input')
      await search.fill('ferry timetable nobody')
      await page.waitForURL(/search=ferry/, { waitUntil: 'commit' })
      const rows = page.locator('.table tbody tr')
      await expect
        .poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('ferry timetable')))
        .toBe(true)
      const texts = await rows.allInnerTexts()
      // The demo's editor asked for changes on it, with a note; the states read as words.
      const requested = texts.find((text) => text.includes('Request changes'))
      expect(requested, texts.join('\n')).toMatch(/in review\s+changes requested/)
      expect(requested).toContain('Tomás Reyes')
      expect(requested).toContain('Needs a source for the timetable claims')

      await search.fill('Tomás')
      await page.waitForURL(/search=Tom/, { waitUntil: 'commit' })
      await expect
        .poll(async () => {
          const all = await rows.allInnerTexts()
          return all.length > 0 && all.every((t) => t.includes('Tomás Reyes'))
        })
        .toBe(true)
      await settled(page)
    },
  )

  step(
    '7. the desk marks the articles in review the signed-in publisher may not approve, and says why',
    async () => {
      const { page } = await as('publisher')
      const authors = await fetchAsUser(
        page,
        `/api/authors?depth=0&where[name][equals]=${encodeURIComponent('Maya Okafor')}`,
      )
      const created = await fetchAsUser(page, '/api/articles?depth=0', {
        json: {
          title: OWN_TITLE,
          dek: 'Why the last bus matters.',
          authors: [authors.body.docs[0].id],
          body: richText('The last bus leaves at 00:40.'),
        },
      })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      const submitted = await fetchAsUser(page, `/api/articles/${created.body.doc.id}/workflow`, {
        json: { action: 'submit' },
      })
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)

      await page.goto('/admin')
      const inReview = queue(page, 'in_review')
      const own = inReview.locator(`[data-article="${created.body.doc.id}"]`)
      await own.waitFor()
      expect(await own.locator('[data-cannot-approve]').innerText()).toContain(
        'You submitted this; another publisher must approve it.',
      )
      // The demo's piece in review was submitted by its contributor: this publisher may approve it.
      const theirs = inReview.locator('li', {
        has: page.getByRole('link', { name: 'Bike lanes and the shopkeepers who feared them' }),
      })
      expect(await theirs.locator('[data-cannot-approve]').count()).toBe(0)
      await screenshot(page, 'moderation-desk-four-eyes', {
        selector: '[data-queue="in_review"]',
        name: 'moderation-desk-four-eyes-queue',
      })
    },
  )
})
