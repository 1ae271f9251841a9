/**
 * The workflow panel as people who live in it see it: an edit that cannot be saved says so and
 * holds the actions; an action saves what is on screen first and keeps what was typed; a publisher
 * reads why Approve is not theirs, and is warned before an edit costs them the approval; scheduling
 * through Payload's date picker in the editor's time zone; on a phone the panel comes first.
 * Each test uses articles of its own, made over REST.
 */
import type { Browser, Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { formatAdminDate } from '../../src/lib/dates'
import { richText } from '../../src/lib/richText'
import {
  act,
  anotherWindow,
  bodyOf,
  documentStatus,
  fetchAsUser,
  launch,
  notSaved,
  openArticle,
  panel,
  panelActions,
  panelButton,
  panelHistory,
  panelState,
  panelUnavailable,
  type Role,
  screenshot,
  type Session,
  settled,
  tokenOf,
  userWindows,
} from './browser'

const baseUrl = inject('baseUrl')
const run = Date.now().toString(36)
const OSLO = 'Europe/Oslo'

let browser: Browser
const { sessions, as: session } = userWindows(() => browser, baseUrl)
const windows: Session[] = []

async function as(who: Role, window?: Parameters<typeof anotherWindow>[2]): Promise<Page> {
  if (!window) return (await session(who)).page
  const other = await anotherWindow(await session(who), baseUrl, window)
  windows.push(other)
  return other.page
}

/** REST as one of the demo users, with their session's token (for setting up and checking). */
async function rest(who: Role, method: string, path: string, json?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `JWT ${await tokenOf(await session(who))}`,
      'Content-Type': 'application/json',
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  })
  return { status: res.status, body: (await res.json()) as any }
}

async function idOf(collection: string, name: string): Promise<number> {
  const found = await rest(
    'admin',
    'GET',
    `/api/${collection}?where[name][equals]=${encodeURIComponent(name)}&depth=0`,
  )
  return found.body.docs[0].id
}

/** A complete article by Maya Okafor (the contributor), taken through `steps` as `[who, action]`. */
async function article(title: string, steps: [Role, string][] = []): Promise<number> {
  const created = await rest('admin', 'POST', '/api/articles?draft=true&depth=0', {
    title,
    dek: 'Where the night buses stop, and why the timetable does not say.',
    authors: [await idOf('authors', 'Maya Okafor')],
    body: richText('The last bus leaves the square at 01:10, whatever the board says.', {
      quote: 'We run it every night; nobody prints it.',
      source: await idOf('sources', 'The Harbour Gazette'),
    }),
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const id = created.body.doc.id as number
  for (const [who, action] of steps) {
    const done = await rest(who, 'POST', `/api/articles/${id}/workflow`, { action })
    expect(done.status, `${who} ${action}: ${JSON.stringify(done.body)}`).toBe(200)
  }
  return id
}

/** The draft the server stores, as the signed-in user reads it. */
const storedDraft = async (page: Page, id: number) =>
  (await fetchAsUser(page, `/api/articles/${id}?draft=true&depth=0`)).body

const isWorkflowPost = (id: number) => (request: Request) =>
  request.method() === 'POST' && new URL(request.url()).pathname === `/api/articles/${id}/workflow`

/** Every workflow POST the page sends from now on. */
function recordWorkflowPosts(page: Page, id: number): Request[] {
  const posts: Request[] = []
  page.on('request', (request) => void (isWorkflowPost(id)(request) && posts.push(request)))
  return posts
}

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  for (const { context } of [...windows, ...sessions.values()])
    await context.close().catch(() => undefined)
  await browser?.close()
})

describe('the workflow panel', () => {
  it('says "Not saved" with the reason for an unsavable edit, holds the actions, and submits exactly what is on screen once it can be saved', async () => {
    const title = `Night buses ${run}`
    const id = await article(title)
    const page = await as('contributor')
    await openArticle(page, id)
    expect(await panelState(page)).toBe('draft')
    expect(await panelActions(page)).toEqual(['Submit for review'])
    // The header speaks of the review, not of Payload's Draft/Published.
    expect(await documentStatus(page).innerText()).toMatch(/^Review:\s*draft/)
    expect(await page.locator('.doc-controls .status').count()).toBe(0)
    const posts = recordWorkflowPosts(page, id)

    // Over the title's 200 characters: autosave is refused by the server.
    const refused = page.waitForResponse(
      (res) =>
        res.request().method() === 'PATCH' &&
        new URL(res.url()).pathname === `/api/articles/${id}` &&
        res.status() === 400,
    )
    await page.locator('input[name="title"]').fill(`${title} `.padEnd(230, 'x'))
    await refused
    await notSaved(page).waitFor()
    expect(await notSaved(page).innerText()).toMatch(
      /^Not saved: Title: .*200 characters\..*Workflow actions wait until it can be saved\.$/s,
    )
    expect(await documentStatus(page).locator('[data-save-status]').innerText()).toBe('Not saved')
    // Payload's own line ("Last saved …", or a "Saving…" that never ends) is out of sight.
    expect(
      await page
        .getByText(/Last saved|Saving…/)
        .filter({ visible: true })
        .count(),
    ).toBe(0)
    expect(await panelButton(page, 'Submit for review').isDisabled()).toBe(true)
    await screenshot(page, 'panel-not-saved', {
      selector: '[data-testid="workflow-panel"]',
      name: 'panel-not-saved-panel',
    })

    // An empty title is refused too, in its own words.
    await page.locator('input[name="title"]').fill('')
    await notSaved(page)
      .getByText(/Title: .*required/i)
      .waitFor()
    expect(await panelButton(page, 'Submit for review').isDisabled()).toBe(true)
    expect((await storedDraft(page, id)).title).toBe(title)
    expect(posts).toHaveLength(0)

    // Fixed, and a new standfirst typed: Submit right away, before autosave comes round. The
    // panel saves first, then submits, without reloading the page.
    const newTitle = `Night buses run all night ${run}`
    const newDek = `The 01:10 from the square is the busiest bus of the night ${run}.`
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
    )
    await page.locator('input[name="title"]').fill(newTitle)
    await page.locator('textarea[name="dek"]').fill(newDek)
    await notSaved(page).waitFor({ state: 'detached' })
    const submitted = page.waitForResponse((res) => isWorkflowPost(id)(res.request()))
    await panelButton(page, 'Submit for review').click()
    const res = await submitted
    expect(res.status(), await bodyOf(res)).toBe(200)
    await panel(page).locator('h4 [data-review-state="in_review"]').waitFor()

    const stored = await storedDraft(page, id)
    expect({ title: stored.title, dek: stored.dek, reviewState: stored.reviewState }).toEqual({
      title: newTitle,
      dek: newDek,
      reviewState: 'in_review',
    })
    // What was typed is still on screen, in the same page (no reload), and saved.
    expect(await page.locator('input[name="title"]').inputValue()).toBe(newTitle)
    expect(await page.locator('textarea[name="dek"]').inputValue()).toBe(newDek)
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true)
    await documentStatus(page).locator('[data-save-status="saved"]').waitFor()
    expect(await documentStatus(page).innerText()).toMatch(/^Review:\s*in review/)
    expect((await panelHistory(page))[0]).toMatch(
      /^Submit for review \(draft → in review\) by Maya Okafor, \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/,
    )
    // The sidebar's own workflow field follows, refreshed in place.
    await page.locator('#field-reviewState', { hasText: 'in review' }).waitFor()
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true)
    expect(await page.locator('textarea[name="dek"]').inputValue()).toBe(newDek)
  })

  it('tells a publisher who submitted an article why they cannot approve it', async () => {
    const id = await article(`Ferry fares ${run}`, [['publisher', 'submit']])
    const page = await as('publisher')
    await openArticle(page, id)
    expect(await panelState(page)).toBe('in_review')
    expect(await panelActions(page)).toEqual(['Withdraw', 'Request changes'])
    expect(await panelUnavailable(page)).toEqual([
      'Approve: You submitted this; another publisher must approve it.',
    ])
    // No warning about editing: there is no approval left to lose.
    expect(await panel(page).getByTestId('workflow-edit-warning').count()).toBe(0)
    await screenshot(page, 'panel-four-eyes', {
      selector: '[data-testid="workflow-panel"]',
      name: 'panel-four-eyes-panel',
    })
  })

  it('warns a publisher that editing an article in review gives up their right to approve it', async () => {
    const id = await article(`Harbour lights ${run}`, [['editor', 'submit']])
    const page = await as('publisher')
    await openArticle(page, id)
    expect(await panelActions(page)).toContain('Approve')
    const warning = panel(page).getByTestId('workflow-edit-warning')
    expect(await warning.innerText()).toMatch(
      /Editing this article gives up your right to approve it/,
    )
    await screenshot(page, 'panel-edit-warning', {
      selector: '[data-testid="workflow-panel"]',
      name: 'panel-edit-warning-panel',
    })

    // She edits anyway: the warning says what the edit costs, and once autosave stores it the
    // server has taken Approve away, as the panel then explains.
    const autosaved = page.waitForResponse(
      (res) =>
        res.request().method() === 'PATCH' &&
        new URL(res.url()).pathname === `/api/articles/${id}` &&
        res.status() === 200,
    )
    await page.locator('textarea[name="dek"]').fill(`The harbour lights go out at two ${run}.`)
    await warning.getByText(/once the change is saved, another publisher must approve it/).waitFor()
    await autosaved
    await panel(page).getByTestId('workflow-unavailable').waitFor()
    expect(await panelUnavailable(page)).toEqual([
      'Approve: You edited it after it was submitted; another publisher must approve it.',
    ])
    expect(await panelActions(page)).not.toContain('Approve')
    expect((await storedDraft(page, id)).editedSinceSubmit).toHaveLength(1)
  })

  it("schedules with Payload's date picker in the editor's time zone, refusing a past time in plain words", async () => {
    const id = await article(`Timetable day ${run}`, [
      ['editor', 'submit'],
      ['admin', 'approve'],
    ])
    const page = await as('publisher', { timezoneId: OSLO })
    await openArticle(page, id)
    expect(await panelState(page)).toBe('approved')
    const schedule = panel(page).getByTestId('workflow-schedule')
    expect(await schedule.getByTestId('workflow-time-zone').innerText()).toBe(`Time zone: ${OSLO}`)
    const posts = recordWorkflowPosts(page, id)
    const input = schedule.locator('#field-workflowPublishAt')
    const calendar = page.locator('.react-datepicker')

    // Today at 00:00 has passed: the panel says so and sends nothing.
    await input.click()
    await calendar.locator('.react-datepicker__day--today').click()
    await calendar.locator('.react-datepicker__time-list-item', { hasText: /^00:00$/ }).click()
    await schedule
      .getByTestId('workflow-schedule-problem')
      .getByText('Pick a time in the future.')
      .waitFor()
    await panelButton(page, 'Schedule').click()
    expect(await schedule.getByTestId('workflow-schedule-problem').innerText()).toBe(
      'Pick a time in the future.',
    )
    await settled(page)
    expect(posts).toHaveLength(0)
    await screenshot(page, 'panel-schedule-past', {
      selector: '[data-testid="workflow-panel"]',
      name: 'panel-schedule-past-panel',
    })

    // The 15th of next month at 10:00, Oslo time.
    await input.click()
    await calendar.locator('.react-datepicker__navigation--next').click()
    await calendar
      .locator('.react-datepicker__day--015:not(.react-datepicker__day--outside-month)')
      .click()
    await calendar.locator('.react-datepicker__time-list-item', { hasText: /^10:00$/ }).click()
    await page.keyboard.press('Escape')
    expect(await schedule.getByTestId('workflow-schedule-problem').count()).toBe(0)
    const shown = await input.inputValue()
    expect(shown).toMatch(/^15 [A-Z][a-z]{2} \d{4}, 10:00$/)
    const scheduled = page.waitForResponse((res) => isWorkflowPost(id)(res.request()))
    await panelButton(page, 'Schedule').click()
    const res = await scheduled
    expect(res.status(), await bodyOf(res)).toBe(200)
    const { publishAt } = JSON.parse(res.request().postData() ?? '{}') as { publishAt: string }
    expect(formatAdminDate(publishAt, OSLO)).toBe(shown)

    await panel(page).locator('h4 [data-review-state="scheduled"]').waitFor()
    expect(await panel(page).getByTestId('workflow-scheduled-for').innerText()).toBe(
      `Scheduled for ${shown} (${OSLO})`,
    )
    const stored = await storedDraft(page, id)
    expect(stored.reviewState).toBe('scheduled')
    expect(Date.parse(stored.publishAt)).toBe(Date.parse(publishAt))
    expect(await panelActions(page)).toEqual(['Unschedule'])
    await screenshot(page, 'panel-scheduled', {
      selector: '[data-testid="workflow-panel"]',
      name: 'panel-scheduled-panel',
    })
  })

  it('comes before the body on a phone-width screen', async () => {
    const id = await article(`Quay cafés ${run}`)
    const page = await as('editor', { viewport: { width: 390, height: 844 } })
    await openArticle(page, id)
    const body = page.locator('[data-lexical-editor="true"]')
    await body.waitFor()
    const panelBox = (await panel(page).boundingBox())!
    const bodyBox = (await body.boundingBox())!
    const titleBox = (await page.locator('input[name="title"]').boundingBox())!
    expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(Math.min(bodyBox.y, titleBox.y))
    expect(panelBox.width).toBeGreaterThan(300)
    // The rest of the sidebar (authors, tags, …) stays after the body.
    const authorsBox = (await page.locator('#field-authors').boundingBox())!
    expect(authorsBox.y).toBeGreaterThan(bodyBox.y)
    expect(await panelActions(page)).toEqual(['Submit for review'])
    await screenshot(page, 'panel-phone')

    // It still works there.
    await act(page, id, 'Submit for review', 'in_review')
    expect(await panelActions(page)).toEqual(['Withdraw', 'Request changes'])
    expect(await panelUnavailable(page)).toEqual([
      'Approve: Only a publisher or admin can approve.',
    ])
  })
})
