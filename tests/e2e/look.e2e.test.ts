/**
 * The admin around the edges, in a real browser: the lists offer no machine-internal field as a
 * column or a filter, an article's sidebar shows only what a person reads, an admin creates an
 * editor who is exactly an editor, the import page works in light and dark, and every view the
 * newsroom lives in is photographed in both themes (tests/e2e/screenshots/theme-*.png).
 */
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import {
  bodyOf,
  dashboard,
  fetchAsUser,
  launch,
  logIn,
  openArticle,
  PASSWORD,
  screenshot,
  screenshotSessions,
  settled,
  type Session,
} from './browser'

const baseUrl = inject('baseUrl')
const run = Date.now().toString(36)
const THEMES = ['light', 'dark'] as const
type Theme = (typeof THEMES)[number]

/** What an admin finds in a list's column picker and its filter dropdown. */
async function listOptions(
  page: Page,
  slug: string,
): Promise<{ columns: string[]; filters: string[] }> {
  await page.goto(`/admin/collections/${slug}`)
  await page.locator('#toggle-list-columns').click()
  const pills = page.locator('#list-controls-columns .pill-selector__pill')
  await pills.first().waitFor()
  const columns = (await pills.allInnerTexts()).map((text) => text.trim())
  await page.locator('#toggle-list-filters').click()
  await page.locator('#list-controls-where .where-builder__add-first-filter').click()
  await page.locator('#list-controls-where .condition__field .rs__control').click()
  const options = page.locator('#list-controls-where .condition__field .rs__option')
  await options.first().waitFor()
  const filters = (await options.allInnerTexts()).map((text) => text.trim())
  return { columns, filters }
}

/** A demo article by its title, as an admin reads it over REST. */
async function articleTitled(page: Page, title: string) {
  const { status, body } = await fetchAsUser(
    page,
    `/api/articles?where[title][equals]=${encodeURIComponent(title)}&depth=0&draft=true`,
  )
  expect(status).toBe(200)
  expect(body.docs, title).toHaveLength(1)
  return body.docs[0]
}

async function articlesTitled(page: Page, title: string) {
  const { status, body } = await fetchAsUser(
    page,
    `/api/articles?where[title][equals]=${encodeURIComponent(title)}&depth=0&draft=true`,
  )
  expect(status).toBe(200)
  return body.docs
}

/** The admin in the given theme: Payload reads it from the `payload-theme` cookie it also sets when a user picks one. */
async function useTheme(session: Session, theme: Theme): Promise<void> {
  await session.context.addCookies([{ name: 'payload-theme', value: theme, url: baseUrl }])
}

async function expectTheme(page: Page, theme: Theme): Promise<void> {
  expect(await page.locator('html').getAttribute('data-theme')).toBe(theme)
}

let browser: Browser
let admin: Session
const sessions: Session[] = []

beforeAll(async () => {
  browser = await launch()
  admin = await logIn(browser, baseUrl, 'admin')
  sessions.push(admin)
})

afterAll(async () => {
  await browser?.close()
})

/** On a failure, every open window as it was. */
function look(name: string, body: () => Promise<void>, timeout?: number) {
  test(
    name,
    async () => {
      try {
        await body()
      } catch (error) {
        await screenshotSessions(sessions, `FAILED-look-${name.slice(0, 40).replace(/\W+/g, '-')}`)
        throw error
      }
    },
    timeout,
  )
}

/** Labels of fields only the server reads and writes; no list may offer them as a column or a filter. */
const INTERNAL = [
  'Workflow Panel',
  'Import Key',
  'Approved Hash',
  'Schedule Job',
  'Preview Nonce',
  'Seq',
  'Content Hash',
  'Sender Hash',
  'Current Password',
  'Focal X',
  'Focal Y',
]
const internalIn = (labels: string[]) =>
  labels.filter((label) => INTERNAL.includes(label) || label.startsWith('Sizes >'))

const COLLECTIONS = [
  'articles',
  'authors',
  'sources',
  'comments',
  'media',
  'users',
  'workflow-events',
  'payload-jobs',
]

/** The demo's scheduled piece: submitted, approved and scheduled, so every workflow field is set. */
const SCHEDULED = 'What the spring budget should do for buses'
const FIXTURE = path.resolve('tests/fixtures/import/copied-post.txt')
const IMPORTED_TITLE = 'The depot that time forgot'

describe('the admin around the edges', () => {
  look('1. no list offers a machine-internal field as a column or a filter', async () => {
    for (const slug of COLLECTIONS) {
      const { columns, filters } = await listOptions(admin.page, slug)
      expect(internalIn(columns), `${slug} columns: ${columns.join(', ')}`).toEqual([])
      expect(internalIn(filters), `${slug} filters: ${filters.join(', ')}`).toEqual([])
      if (slug === 'articles') {
        // What a person reads stays on offer, in plain words.
        for (const label of ['Review state', 'Submitted by', 'Approved by', 'Scheduled for'])
          expect(columns).toContain(label)
        expect(filters).toContain('Review state')
      }
    }
  })

  look(
    '2. an article’s sidebar shows the workflow in plain words and nothing internal',
    async () => {
      const article = await articleTitled(admin.page, SCHEDULED)
      // The hidden fields still hold what the server wrote.
      expect(article.scheduleJob, 'the schedule job the server stored').toBeTruthy()
      expect(article.approvedHash, 'the approval hash the server stored').toBeTruthy()
      await openArticle(admin.page, article.id)
      const sidebar = admin.page.locator('.document-fields__sidebar')
      const labels = (await sidebar.locator('.field-label:visible').allInnerTexts()).map((text) =>
        text.replace(/\*$/, '').trim(),
      )
      for (const label of [
        'Submitted by',
        'Submitted at',
        'Approved by',
        'Approved at',
        'Scheduled for',
      ])
        expect(labels, labels.join(', ')).toContain(label)
      expect(internalIn(labels)).toEqual([])
      for (const name of [
        'importKey',
        'approvedHash',
        'scheduleJob',
        'previewNonce',
        'scheduleError',
      ])
        expect(await admin.page.locator(`#field-${name}:visible`).count(), name).toBe(0)
      // Read-only: the workflow changes them, not the form.
      expect(await sidebar.locator('#field-publishAt input').isDisabled()).toBe(true)
    },
  )

  look('3. an admin creates an editor by choosing only “Editor”', async () => {
    const page = admin.page
    const email = `new-editor-${run}@example.com`
    await page.goto('/admin/collections/users/create')
    await page.locator('#field-name').fill('Nadia Editor')
    await page.locator('#field-email').fill(email)
    await page.locator('#field-password').fill(PASSWORD)
    await page.locator('#field-confirm-password').fill(PASSWORD)
    // Nothing is chosen for them, and a new account asks for no "current password".
    expect(await page.locator('#field-roles .rs__multi-value').count()).toBe(0)
    expect(await page.locator('#field-currentPassword').count()).toBe(0)

    // Each change is checked with the server first; a click before its answer is lost.
    const save = () =>
      settled(page).then(() =>
        Promise.all([
          page.waitForResponse(
            (res) =>
              res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/users',
          ),
          page.locator('#action-save').click(),
        ]).then(([res]) => res),
      )

    const refused = await save()
    expect(refused.status(), await bodyOf(refused)).toBe(400)
    await page.locator('#field-roles').getByText('Choose at least one role').waitFor()

    await page.locator('#field-roles .rs__control').click()
    await page.locator('.rs__option', { hasText: /^Editor$/ }).click()
    const created = await save()
    expect(created.status(), await bodyOf(created)).toBe(201)
    const { doc } = await created.json()
    const stored = await fetchAsUser(page, `/api/users/${doc.id}?depth=0`)
    expect(stored.body).toMatchObject({ email, roles: ['editor'] })
  })

  look('4. the import page checks and imports a file, in light and dark', async () => {
    const page = admin.page
    const upload = async (button: string) => {
      await page.getByTestId('import-file').setInputFiles(FIXTURE)
      await page.getByTestId('import-file-name').getByText('copied-post.txt').waitFor()
      const [res] = await Promise.all([
        page.waitForResponse(
          (res) =>
            res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/import',
        ),
        page.getByRole('button', { name: button, exact: true }).click(),
      ])
      expect(res.status(), await bodyOf(res)).toBe(200)
      return page.getByTestId('import-report')
    }

    await useTheme(admin, 'light')
    await page.goto('/admin/import')
    await expectTheme(page, 'light')
    let report = await upload('Check the file')
    await report.getByText('Dry run of copied-post.txt: nothing was saved.').waitFor()
    expect(await page.getByTestId('import-posts').innerText()).toContain('1 would be created')
    expect(await articlesTitled(page, IMPORTED_TITLE)).toHaveLength(0)

    await page.getByText('Dry run: save nothing').click()
    report = await upload('Import')
    await report.getByText('Imported copied-post.txt.').waitFor()
    const link = report.getByRole('link', { name: IMPORTED_TITLE })
    const [imported] = await articlesTitled(page, IMPORTED_TITLE)
    expect(imported).toMatchObject({
      reviewState: 'draft',
      importKey: expect.stringMatching(/^file:/),
    })
    expect(await link.getAttribute('href')).toBe(`/admin/collections/articles/${imported.id}`)

    // Importing the same file again changes nothing, in the dark theme too.
    await useTheme(admin, 'dark')
    await page.goto('/admin/import')
    await expectTheme(page, 'dark')
    await page.getByText('Dry run: save nothing').click()
    report = await upload('Import')
    await report.getByText('Imported copied-post.txt.').waitFor()
    expect(await page.getByTestId('import-posts').innerText()).toContain('1 unchanged')
    expect(await articlesTitled(page, IMPORTED_TITLE)).toHaveLength(1)
    await useTheme(admin, 'light')
  })

  look(
    '5. every view, photographed in the light and the dark theme',
    async () => {
      const page = admin.page
      const article = await articleTitled(page, SCHEDULED)
      for (const theme of THEMES) {
        await useTheme(admin, theme)
        await openArticle(page, article.id)
        await expectTheme(page, theme)
        await screenshot(page, `theme-${theme}-panel`)
        await page.goto('/admin')
        await dashboard(page).waitFor()
        await screenshot(page, `theme-${theme}-desk`)
        for (const [slug, name] of [
          ['comments', 'comments'],
          ['workflow-events', 'audit'],
        ]) {
          await page.goto(`/admin/collections/${slug}`)
          await page.locator('.table tbody tr').first().waitFor()
          // Related documents' titles arrive after the rows ("Loading..." until then).
          await page.waitForFunction(
            () => !document.querySelector('.table')?.textContent?.includes('Loading...'),
          )
          await expectTheme(page, theme)
          await screenshot(page, `theme-${theme}-${name}`)
        }
        // The import page with a dry run's report: banner, tables and outcome pills.
        await page.goto('/admin/import')
        await page.getByTestId('import-file').setInputFiles(FIXTURE)
        await page.getByRole('button', { name: 'Check the file', exact: true }).click()
        await page.getByTestId('import-post-rows').waitFor()
        await expectTheme(page, theme)
        await screenshot(page, `theme-${theme}-import`)
      }
    },
    180_000,
  )
})
