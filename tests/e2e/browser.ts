/** The browser side of the e2e test: Debian's Chromium through playwright-core, and what users do in the admin. */
import fs from 'node:fs'
import path from 'node:path'

import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Response,
} from 'playwright-core'
import { expect, test } from 'vitest'

export const CHROMIUM = '/usr/bin/chromium'
export const PASSWORD = 'demo-password'
export const SCREENSHOTS = path.resolve('tests/e2e/screenshots')

export type Role = 'admin' | 'publisher' | 'editor' | 'contributor'
export type Session = { who: Role; context: BrowserContext; page: Page }

export function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the e2e test drives Debian's Chromium (apt-get install -y chromium).`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A user's own browser window (own cookies), logged in through the admin's login form. */
export async function logIn(browser: Browser, baseUrl: string, who: Role): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1400, height: 1000 },
  })
  context.setDefaultTimeout(20_000)
  context.setDefaultNavigationTimeout(45_000)
  const page = await context.newPage()
  trackRequests(page)
  await page.goto('/admin/login')
  await page.locator('input[name="email"]').fill(`${who}@example.com`)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes('/login'), { waitUntil: 'commit' })
  // The admin's start page is the review desk.
  await dashboard(page).waitFor()
  return { who, context, page }
}

/**
 * Another window for a signed-in user, with their cookies (no second login: logins are rate
 * limited), e.g. a phone-sized one or one in another time zone.
 */
export async function anotherWindow(
  session: Session,
  baseUrl: string,
  window: { viewport?: { width: number; height: number }; timezoneId?: string },
): Promise<Session> {
  const browser = session.context.browser()
  if (!browser) throw new Error('The session has no browser.')
  const context = await browser.newContext({
    baseURL: baseUrl,
    storageState: await session.context.storageState(),
    viewport: window.viewport ?? { width: 1400, height: 1000 },
    timezoneId: window.timezoneId,
  })
  context.setDefaultTimeout(20_000)
  context.setDefaultNavigationTimeout(45_000)
  const page = await context.newPage()
  trackRequests(page)
  return { who: session.who, context, page }
}

/** The session's API token (its login cookie), for REST calls made outside the page. */
export async function tokenOf(session: Session): Promise<string> {
  const cookie = (await session.context.cookies()).find(({ name }) => name === 'payload-token')
  if (!cookie) throw new Error(`${session.who} has no payload-token cookie.`)
  return cookie.value
}

const inFlight = new WeakMap<Page, { count: number; since: number }>()

function trackRequests(page: Page): void {
  const state = { count: 0, since: Date.now() }
  inFlight.set(page, state)
  const done = () => {
    state.count = Math.max(0, state.count - 1)
    state.since = Date.now()
  }
  page.on('request', () => void state.count++)
  page.on('requestfinished', done)
  page.on('requestfailed', done)
}

/**
 * Waits until the page has made no request for a moment (counted from now, so a change whose
 * debounced server round trip has not started yet is waited for too). The admin checks every change
 * with the server; acting before the answer is back races it (see the Quote block in step 1).
 */
export async function settled(page: Page, quietMs = 750, timeoutMs = 15_000): Promise<void> {
  const state = inFlight.get(page)
  if (!state) return
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    if (state.count === 0 && Date.now() - Math.max(state.since, start) >= quietMs) return
    await page.waitForTimeout(100)
  }
  throw new Error(`The page kept making requests for ${timeoutMs / 1000} s.`)
}

export const dashboard = (page: Page) => page.getByTestId('review-dashboard')
export const queue = (page: Page, state: string) =>
  dashboard(page).locator(`[data-queue="${state}"]`)
export const panel = (page: Page) => page.getByTestId('workflow-panel')

/** Opens an article's edit view and waits for its workflow panel. */
export async function openArticle(page: Page, id: number | string): Promise<void> {
  await page.goto(`/admin/collections/articles/${id}`)
  await panel(page).waitFor()
}

/** The review state the panel shows (its badge). */
export async function panelState(page: Page): Promise<string | null> {
  return panel(page).locator('h4 [data-review-state]').getAttribute('data-review-state')
}

/** The labels of the panel's action buttons, i.e. what the server says this user may do now. */
export async function panelActions(page: Page): Promise<string[]> {
  return (await panelButtons(page).getByRole('button').allInnerTexts()).map((label) => label.trim())
}

export const panelButtons = (page: Page) => panel(page).getByTestId('workflow-actions')

/** A panel action's button, by its label. */
export const panelButton = (page: Page, label: string) =>
  panelButtons(page).getByRole('button', { name: label, exact: true })

/** Why the other actions of this state are not the user's, as "Approve: You submitted this; …". */
export async function panelUnavailable(page: Page): Promise<string[]> {
  return (await panel(page).getByTestId('workflow-unavailable').locator('li').allInnerTexts()).map(
    (entry) => entry.replace(/\s+/g, ' ').trim(),
  )
}

/** The panel's "Not saved: <reason>" notice (shown while the edits on screen cannot be saved). */
export const notSaved = (page: Page) => panel(page).getByTestId('workflow-not-saved')

/** The header's status: the review state and where the edits stand ("Saved …", "Not saved"). */
export const documentStatus = (page: Page) => page.getByTestId('document-status')

/** The history as text, newest first. */
export async function panelHistory(page: Page): Promise<string[]> {
  return (await panel(page).locator('.workflow-panel__history li').allInnerTexts()).map((entry) =>
    entry.replace(/\s+/g, ' ').trim(),
  )
}

/**
 * Clicks a workflow action in the panel; expects the server to accept it (200) and the panel,
 * refreshed in place, to show the new state.
 */
export async function act(
  page: Page,
  id: number | string,
  label: string,
  expectedState: string,
): Promise<void> {
  await settled(page)
  const [res] = await Promise.all([
    page.waitForResponse(
      (res) =>
        res.request().method() === 'POST' &&
        new URL(res.url()).pathname === `/api/articles/${id}/workflow`,
    ),
    panelButton(page, label).click(),
  ])
  expect(res.status(), `${label}: ${await bodyOf(res)}`).toBe(200)
  await panel(page).locator(`h4 [data-review-state="${expectedState}"]`).waitFor()
}

/** Controls that would make an article live: buttons, links and menu entries named "publish", shown or hidden. */
export async function publishControls(page: Page): Promise<string[]> {
  const named = { name: /publish/i, includeHidden: true }
  const found: string[] = []
  for (const role of ['button', 'link', 'menuitem', 'option'] as const) {
    found.push(
      ...(await page.getByRole(role, named).allInnerTexts()).map(
        (text) => `${role} "${text.trim()}"`,
      ),
    )
  }
  return found
}

export async function bodyOf(res: Response): Promise<string> {
  return (await res.text().catch(() => '')).slice(0, 500)
}

/** A full-page screenshot under tests/e2e/screenshots/, and optionally one of an element. */
export async function screenshot(
  page: Page,
  name: string,
  element?: { selector: string; name: string },
): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
  if (element)
    await page
      .locator(element.selector)
      .first()
      .screenshot({ path: path.join(SCREENSHOTS, `${element.name}.png`) })
}

/** On a failure: the page of every user's window, as it was, named after the step and the user. */
export async function screenshotSessions(sessions: Session[], prefix: string): Promise<void> {
  for (const { who, page } of sessions) {
    if (page.isClosed()) continue
    await page
      .screenshot({
        path: path.join(SCREENSHOTS, `${prefix}-${who}.png`),
        fullPage: true,
        timeout: 10_000,
      })
      .catch(() => undefined)
  }
}

/** A request made by the page itself (a same-origin fetch with the user's cookie), as the admin UI makes them. */
export async function fetchAsUser(
  page: Page,
  path: string,
  init: { method?: string; json?: unknown } = {},
): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ path, method, json }) => {
      const res = await fetch(path, {
        method: method ?? (json === undefined ? 'GET' : 'POST'),
        credentials: 'include',
        headers: json === undefined ? {} : { 'Content-Type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
      })
      return { status: res.status, body: await res.json().catch(() => null) }
    },
    { path, method: init.method, json: init.json },
  )
}

/** Each user's window, logged in on first use (logins are rate limited) and kept for later steps. */
export function userWindows(browser: () => Browser, baseUrl: string) {
  const sessions = new Map<Role, Session>()
  return {
    sessions,
    async as(who: Role): Promise<Session> {
      if (!sessions.has(who)) sessions.set(who, await logIn(browser(), baseUrl, who))
      return sessions.get(who)!
    },
  }
}

/**
 * The steps of one story that follow each other: a step is skipped after an earlier one failed,
 * or when `skip` gives a reason; on its own failure every user's page is saved as
 * `FAILED-<prefix><n>-<user>.png`.
 */
export function storySteps(sessions: Map<Role, Session>, prefix: string) {
  let failed: string | undefined
  return (
    name: string,
    body: () => Promise<void>,
    options: { timeout?: number; skip?: string } = {},
  ) =>
    test(
      name,
      async (context) => {
        if (failed) context.skip(`an earlier step failed: ${failed}`)
        if (options.skip) context.skip(options.skip)
        try {
          await body()
        } catch (error) {
          failed = name
          await screenshotSessions([...sessions.values()], `FAILED-${prefix}${name.split('.')[0]}`)
          throw error
        }
      },
      options.timeout,
    )
}
