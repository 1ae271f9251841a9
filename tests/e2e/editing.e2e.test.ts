/**
 * Editing an article in a real browser: a new article shows no false "required" marks; a Quote
 * block still without a source autosaves, says inside itself what it needs, and is refused at
 * submission by the server, naming the block; once sourced it goes to review, where its
 * contributor finds the fields read-only. An editor compares two versions of a live article (the
 * quote's text and source are shown) and restores the older one, which becomes a draft revision
 * for review while the live version stays live. Each step depends on the one before.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject } from 'vitest'

import { richText } from '../../src/lib/richText'
import {
  act,
  bodyOf,
  fetchAsUser,
  launch,
  panel,
  panelState,
  screenshot,
  settled,
  storySteps,
  userWindows,
} from './browser'

const baseUrl = inject('baseUrl')
const run = inject('sharedServer') ? ` ${Date.now().toString(36)}` : ''
const TITLE = `Tram depot to become a market hall${run}`
const DEK = 'The old depot on Quay Street gets a second life.'
const PARAGRAPH = 'The council voted on Tuesday to turn the depot into a covered market.'
const QUOTE = 'We kept the rails in the floor so people remember what it was.'
const SOURCE = 'The Harbour Gazette'
const OTHER_SOURCE = 'Northern Review'
const LIVE_TITLE = `Bridge repairs end a week early${run}`
const REWORDED = `Bridge reopens a week early${run}`
const LIVE_QUOTE = 'The crews worked through the weekend.'

let browser: Browser
let articleId: number
let liveId: number

const { sessions, as } = userWindows(() => browser, baseUrl)
const step = storySteps(sessions, 'editing-step')

const sourceIdOf = async (page: Page, name: string): Promise<number> => {
  const res = await fetchAsUser(
    page,
    `/api/sources?where[name][equals]=${encodeURIComponent(name)}&depth=0`,
  )
  return res.body.docs[0].id
}

const isAutosave = (res: { url(): string; request(): { method(): string } }, id: number) =>
  res.request().method() === 'PATCH' &&
  new URL(res.url()).pathname === `/api/articles/${id}` &&
  new URL(res.url()).searchParams.get('autosave') === 'true'

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

describe.sequential('editing an article in the admin UI', () => {
  step(
    '1. a new article marks neither slug nor authors as required, and saves without them',
    async () => {
      const { page } = await as('contributor')
      await page.goto('/admin/collections/articles/create')
      await page.locator('[data-lexical-editor="true"]').waitFor()
      // Payload marks a required field with a "*" in its label; the title is the one that needs it.
      const label = (field: string) => page.locator(`label[for="field-${field}"]`)
      for (const field of ['title', 'slug', 'authors']) expect(await label(field).count()).toBe(1)
      expect(await label('title').locator('.required').count()).toBe(1)
      expect(await label('slug').locator('.required').count()).toBe(0)
      expect(await label('authors').locator('.required').count()).toBe(0)

      await page.locator('input[name="title"]').fill(TITLE)
      await page.locator('textarea[name="dek"]').fill(DEK)
      const editor = page.locator('[data-lexical-editor="true"]')
      await editor.click()
      await page.keyboard.type(PARAGRAPH)
      await settled(page)
      const [created] = await Promise.all([
        page.waitForResponse(
          (res) =>
            res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/articles',
        ),
        page.getByRole('button', { name: 'Save Draft' }).click(),
      ])
      expect(created.status(), await bodyOf(created)).toBe(201)
      await page.waitForURL(/\/admin\/collections\/articles\/\d+$/, { waitUntil: 'commit' })
      articleId = Number(/\/articles\/(\d+)$/.exec(page.url())![1])
      await panel(page).waitFor()
      // No field shows an error, and the server filled in what the form left empty.
      expect(await page.locator('.field-type.error').count()).toBe(0)
      const saved = await fetchAsUser(page, `/api/articles/${articleId}?draft=true&depth=1`)
      expect(saved.body.slug).toBe(TITLE.toLowerCase().replaceAll(' ', '-'))
      expect(saved.body.authors.map((author: { name: string }) => author.name)).toEqual([
        'Maya Okafor',
      ])
      expect(await page.locator('#field-slug').inputValue()).toBe(saved.body.slug)
      expect(await page.locator('#field-authors').innerText()).toContain('Maya Okafor')
      await screenshot(page, 'editing-new-article-no-false-errors')
    },
  )

  step(
    '2. a Quote block without a source autosaves, shows its notice, and submission names it',
    async () => {
      const { page } = await as('contributor')
      // Every autosave from here on, to check that none is refused.
      const autosaves: number[] = []
      page.on('response', (res) => {
        if (isAutosave(res, articleId)) autosaves.push(res.status())
      })
      const editor = page.locator('[data-lexical-editor="true"]')
      await editor.locator('p', { hasText: PARAGRAPH }).click()
      await page.keyboard.press('End')
      await page.keyboard.press('Enter')
      await page.keyboard.type('/')
      await page.locator('#slash-menu').getByRole('option', { name: 'Quote' }).click()
      const quote = page.locator('.LexicalEditorTheme__block-quote')
      const notice = quote.locator('[data-quote-gaps]')
      // Just inserted: nothing typed yet, and the block says what it lacks.
      await expect
        .poll(() => notice.innerText())
        .toBe('Needs the quoted text and a source before the article can be submitted')

      const autosaved = page.waitForResponse(
        (res) => isAutosave(res, articleId) && (res.request().postData() ?? '').includes(QUOTE),
      )
      await quote.locator('textarea[name="text"]').fill(QUOTE)
      const res = await autosaved
      expect(res.status(), await bodyOf(res)).toBe(200)
      await expect
        .poll(() => notice.innerText())
        .toBe('Needs a source before the article can be submitted')
      // No save was refused on the way: no error toast, no field marked invalid.
      await settled(page)
      expect(autosaves.length).toBeGreaterThan(0)
      expect(
        autosaves.every((status) => status === 200),
        `autosaves: ${autosaves}`,
      ).toBe(true)
      expect(await page.locator('[data-sonner-toast][data-type="error"]').count()).toBe(0)
      expect(await page.locator('.field-type.error').count()).toBe(0)

      const stored = await fetchAsUser(page, `/api/articles/${articleId}?draft=true&depth=0`)
      const block = stored.body.body.root.children.find(
        (node: { type: string }) => node.type === 'block',
      )
      expect(block.fields).toMatchObject({ blockType: 'quote', text: QUOTE })
      expect(block.fields.source ?? null).toBeNull()
      await screenshot(page, 'editing-quote-needs-source', {
        selector: '.LexicalEditorTheme__block-quote',
        name: 'editing-quote-needs-source-block',
      })

      const [refused] = await Promise.all([
        page.waitForResponse(
          (r) =>
            r.request().method() === 'POST' &&
            new URL(r.url()).pathname === `/api/articles/${articleId}/workflow`,
        ),
        panel(page).getByRole('button', { name: 'Submit for review', exact: true }).click(),
      ])
      expect(refused.status()).toBe(400)
      const message = 'Cannot submit: Quote block 1 names no source.'
      expect(JSON.parse(await refused.text()).errors[0].message).toBe(message)
      // In the panel (a toast says it too).
      await page.getByTestId('workflow-error').filter({ hasText: message }).waitFor()
      expect(await panelState(page)).toBe('draft')
      await screenshot(page, 'editing-submit-refused-quote-without-source')
    },
  )

  step('3. once the source is picked the notice goes and submission works', async () => {
    const { page } = await as('contributor')
    const quote = page.locator('.LexicalEditorTheme__block-quote')
    const harbour = await sourceIdOf(page, SOURCE)
    const autosaved = page.waitForResponse(
      (res) =>
        isAutosave(res, articleId) &&
        (res.request().postData() ?? '').includes(`"source":${harbour}`),
    )
    await quote.locator('#field-source .rs__control').click()
    await page.keyboard.type('Harbour')
    await page.locator('.rs__option', { hasText: SOURCE }).click()
    expect((await autosaved).status()).toBe(200)
    await quote.locator('[data-quote-gaps]').waitFor({ state: 'detached' })
    await settled(page)
    const stored = await fetchAsUser(page, `/api/articles/${articleId}?draft=true&depth=0`)
    const block = stored.body.body.root.children.find(
      (node: { type: string }) => node.type === 'block',
    )
    expect(block.fields.source).toBe(harbour)

    await act(page, articleId, 'Submit for review', 'in_review')
  })

  step('4. while it is in review its contributor finds the fields read-only', async () => {
    const { page } = await as('contributor')
    await page.goto(`/admin/collections/articles/${articleId}`)
    await panel(page).waitFor()
    expect(await panelState(page)).toBe('in_review')
    expect(await page.locator('input[name="title"]').isDisabled()).toBe(true)
    expect(await page.locator('textarea[name="dek"]').isDisabled()).toBe(true)
    expect(await page.locator('[data-lexical-editor="true"]').getAttribute('contenteditable')).toBe(
      'false',
    )
    expect(await page.getByRole('button', { name: 'Save Draft' }).count()).toBe(0)
    // The server agrees: the same save is refused in the edit rule's words.
    const sneaked = await fetchAsUser(page, `/api/articles/${articleId}?draft=true`, {
      method: 'PATCH',
      json: { title: 'Changed in review' },
    })
    expect(sneaked.status).toBe(403)
    expect(sneaked.body.errors[0].message).toMatch(/^Cannot edit: article is "in_review"/)
    await screenshot(page, 'editing-contributor-read-only-in-review')
  })

  step(
    '5. an editor compares two versions of a live article: the quote shows its text and source',
    async () => {
      const { page: editorPage } = await as('editor')
      const { page: publisherPage } = await as('publisher')
      const harbour = await sourceIdOf(editorPage, SOURCE)
      const northern = await sourceIdOf(editorPage, OTHER_SOURCE)
      const created = await fetchAsUser(editorPage, '/api/articles?depth=0', {
        json: {
          title: LIVE_TITLE,
          dek: 'Traffic returns to the old bridge.',
          // A guest author with no account, so the publisher may approve (four-eyes).
          authors: [
            (
              await fetchAsUser(
                editorPage,
                `/api/authors?where[name][equals]=${encodeURIComponent('Sam Whitfield')}&depth=0`,
              )
            ).body.docs[0].id,
          ],
          body: richText('The bridge reopened on Friday.', { quote: LIVE_QUOTE, source: harbour }),
        },
      })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      liveId = created.body.doc.id
      const through = async () => {
        const flow = (page: Page, action: string) =>
          fetchAsUser(page, `/api/articles/${liveId}/workflow`, { json: { action } })
        expect((await flow(editorPage, 'submit')).status).toBe(200)
        expect((await flow(publisherPage, 'approve')).status).toBe(200)
        expect((await flow(publisherPage, 'publish')).status).toBe(200)
      }
      await through()
      // A second take, live too: reworded, and the quote now credited to another source.
      const edited = await fetchAsUser(editorPage, `/api/articles/${liveId}?draft=true`, {
        method: 'PATCH',
        json: {
          title: REWORDED,
          body: richText('The bridge reopened on Friday.', { quote: LIVE_QUOTE, source: northern }),
        },
      })
      expect(edited.status, JSON.stringify(edited.body)).toBe(200)
      await through()

      const versionsOf = async (title: string) =>
        (
          await fetchAsUser(
            editorPage,
            `/api/articles/versions?where[parent][equals]=${liveId}&where[version.title][equals]=${encodeURIComponent(title)}&where[version._status][equals]=published&depth=0&sort=-updatedAt`,
          )
        ).body.docs as { id: number }[]
      const [older] = await versionsOf(LIVE_TITLE)
      const [newer] = await versionsOf(REWORDED)
      await editorPage.goto(
        `/admin/collections/articles/${liveId}/versions/${newer!.id}?versionFrom=${older!.id}`,
      )
      const diff = editorPage.locator('.lexical-diff')
      await diff.first().waitFor()
      const text = await diff.first().innerText()
      expect(text).toContain(`“${LIVE_QUOTE}”`)
      expect(text).toContain(`— ${SOURCE}`)
      expect(text).toContain(`— ${OTHER_SOURCE}`)
      // The changed source is marked as a change (Payload's diff marks removed and added text).
      expect(
        await diff
          .first()
          .locator('[data-match-type="delete"], .html-diff-delete-inline-wrapper')
          .count(),
      ).toBeGreaterThan(0)
      await screenshot(editorPage, 'editing-compare-quote-source')
    },
    { timeout: 180_000 },
  )

  step(
    '6. restoring the older version from the admin makes a draft revision for review; the live one stays live',
    async () => {
      const { page } = await as('editor')
      const older = (
        await fetchAsUser(
          page,
          `/api/articles/versions?where[parent][equals]=${liveId}&where[version.title][equals]=${encodeURIComponent(LIVE_TITLE)}&where[version._status][equals]=published&depth=0`,
        )
      ).body.docs[0]
      await page.goto(`/admin/collections/articles/${liveId}/versions/${older.id}`)
      await page.getByRole('button', { name: 'Restore this version' }).click()
      const [restored] = await Promise.all([
        page.waitForResponse(
          (res) =>
            res.request().method() === 'POST' &&
            new URL(res.url()).pathname === `/api/articles/versions/${older.id}`,
        ),
        page.getByRole('button', { name: 'Confirm' }).click(),
      ])
      expect(restored.status(), await bodyOf(restored)).toBe(200)
      const message =
        'Version restored as a new draft revision. The article is "draft": submit it for review to publish it. The published version stays live until this revision is published.'
      await page.getByText(message).waitFor()
      await page.waitForURL(`**/admin/collections/articles/${liveId}`, { waitUntil: 'commit' })
      await panel(page).waitFor()
      expect(await panelState(page)).toBe('draft')
      expect(await page.locator('input[name="title"]').inputValue()).toBe(LIVE_TITLE)
      await screenshot(page, 'editing-restored-as-draft')

      // What the server stored: a draft revision with the old content, for review; the public
      // still reads the live version.
      const latest = await fetchAsUser(page, `/api/articles/${liveId}?draft=true&depth=0`)
      expect(latest.body).toMatchObject({
        title: LIVE_TITLE,
        _status: 'draft',
        reviewState: 'draft',
      })
      const workflow = await fetchAsUser(page, `/api/articles/${liveId}/workflow`)
      expect(workflow.body.allowedActions).toContain('submit')
      expect(workflow.body.history[0]).toMatchObject({ action: 'edited_live', from: 'published' })
      const live = await fetch(`${baseUrl}/api/articles/${liveId}?depth=0`)
      expect(((await live.json()) as { title: string }).title).toBe(REWORDED)
    },
  )
})
