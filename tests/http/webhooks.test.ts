import { createHmac, timingSafeEqual } from 'node:crypto'
import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Article, Author, User } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import { createArticle, createAuthor, desk, publish } from '../helpers/factories'
import { graphql, login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/**
 * Webhooks for frontends, end to end: workflow transitions over the real server queue Payload jobs,
 * and running the jobs POSTs signed events to a real local receiver.
 */

const { SECRET, RETRY_DELAY_MS } = vi.hoisted(() => {
  // The retry delay is read when the config is built, i.e. when the imports above are evaluated;
  // vi.hoisted runs first. WEBHOOK_URLS is read at start and per event, so beforeAll sets it once
  // the receiver has a port.
  const values = { SECRET: 'test-webhook-secret', RETRY_DELAY_MS: 1000 }
  process.env.WEBHOOK_SECRET = values.SECRET
  process.env.WEBHOOK_RETRY_DELAY_MS = String(values.RETRY_DELAY_MS)
  return values
})

type Delivery = { path: string; headers: IncomingHttpHeaders; raw: Buffer; json: Record<string, unknown> }

/** A frontend stand-in: records every request, and answers 500 to the next `failures` of a path. */
function startReceiver() {
  const deliveries: Delivery[] = []
  const failures = new Map<string, number>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const path = req.url ?? ''
      deliveries.push({ path, headers: req.headers, raw, json: JSON.parse(raw.toString('utf8')) })
      const failing = failures.get(path) ?? 0
      failures.set(path, Math.max(0, failing - 1))
      res.writeHead(failing > 0 ? 500 : 204).end()
    })
  })
  return {
    deliveries,
    failures,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const receiver = startReceiver()
let server: TestServer
let payload: Payload
let author: Author
let editor: User
let publisher: User

beforeAll(async () => {
  const base = await receiver.listen()
  process.env.WEBHOOK_URLS = `${base}/site-a, ${base}/site-b`
  server = await startTestServer()
  payload = await getTestPayload()
  author = await createAuthor(payload)
  ;({ editor, publisher } = await desk(payload))
})
afterAll(async () => {
  await server?.close()
  await receiver.close()
})
beforeEach(() => {
  receiver.deliveries.length = 0
  receiver.failures.clear()
})

const eventsOf = (id: Article['id']) => receiver.deliveries.filter((delivery) => delivery.json.id === id)
const draft = () => createArticle(payload, { authors: [author.id] })
const pendingDeliveries = () =>
  payload
    .count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'deliverWebhook' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    })
    .then((result) => result.totalDocs)

/** What a receiver should do: HMAC-SHA256 of the raw body bytes, compared in constant time. */
function verifies(delivery: Delivery, secret = SECRET): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(delivery.raw).digest('hex')}`)
  const given = Buffer.from(String(delivery.headers['x-signature-256'] ?? ''))
  return given.length === expected.length && timingSafeEqual(given, expected)
}

describe('webhooks', () => {
  it('sends a signed article.published to every receiver once the jobs run, and nothing for review steps', async () => {
    const article = await draft()
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
    await payload.jobs.run()
    expect(eventsOf(article.id)).toEqual([])

    await transitionAs(payload, publisher, { id: article.id, action: 'publish' })
    // Queued, not sent during the publish: delivery is the job runner's work.
    expect(eventsOf(article.id)).toEqual([])
    await payload.jobs.run()

    const deliveries = eventsOf(article.id)
    expect(deliveries.map((delivery) => delivery.path).sort()).toEqual(['/site-a', '/site-b'])
    const live = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    for (const delivery of deliveries) {
      expect(verifies(delivery)).toBe(true)
      expect(verifies(delivery, 'another-secret')).toBe(false)
      expect(delivery.json).toEqual({
        event: 'article.published',
        id: article.id,
        slug: live.slug,
        title: live.title,
        publishedAt: live.publishedAt,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        deliveryId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      })
      expect(delivery.headers).toMatchObject({
        'content-type': 'application/json',
        'x-newsroom-event': 'article.published',
        'x-newsroom-delivery': delivery.json.deliveryId,
      })
    }
    expect(deliveries[0].json.deliveryId).not.toBe(deliveries[1].json.deliveryId)
    expect(await pendingDeliveries()).toBe(0)
  })

  it('sends article.updated, with the new revision, when an edited live article is republished', async () => {
    const article = await publish(payload, (await draft()).id)
    await payload.jobs.run()
    receiver.deliveries.length = 0

    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Revised headline', dek: 'Unreviewed draft standfirst' },
      user: editor,
      overrideAccess: false,
    })
    await payload.jobs.run()
    expect(eventsOf(article.id)).toEqual([])

    await publish(payload, article.id)
    await payload.jobs.run()
    const deliveries = eventsOf(article.id)
    expect(deliveries).toHaveLength(2)
    for (const delivery of deliveries) {
      expect(delivery.json).toMatchObject({ event: 'article.updated', title: 'Revised headline', publishedAt: article.publishedAt })
      expect(delivery.headers['x-newsroom-event']).toBe('article.updated')
      expect(verifies(delivery)).toBe(true)
    }
  })

  it('sends article.unpublished naming the version that was live, not a pending revision, and no draft or workflow data', async () => {
    const article = await publish(payload, (await draft()).id)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Pending revision' },
      user: editor,
      overrideAccess: false,
    })
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'unpublish' })
    await payload.jobs.run()

    const unpublished = eventsOf(article.id).filter((delivery) => delivery.json.event === 'article.unpublished')
    expect(unpublished).toHaveLength(2)
    for (const delivery of unpublished) {
      expect(delivery.json).toMatchObject({ id: article.id, slug: article.slug, title: article.title })
      expect(Object.keys(delivery.json).sort()).toEqual(['at', 'deliveryId', 'event', 'id', 'publishedAt', 'slug', 'title'])
      expect(delivery.raw.toString()).not.toMatch(/Pending revision|reviewState|approvedHash|previewNonce|submittedBy|dek|body/)
    }
  })

  it('announces scheduled publications when the scheduler publishes them: first published, then a revision updated', async () => {
    const article = await draft()
    const scheduleAndRun = async () => {
      await transitionAs(payload, editor, { id: article.id, action: 'submit' })
      await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
      await transitionAs(payload, publisher, { id: article.id, action: 'schedule', publishAt: new Date(Date.now() + 500).toISOString() })
      await payload.jobs.run()
      expect(eventsOf(article.id)).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 600))
      await payload.jobs.run() // publishes, and queues the webhooks
      await payload.jobs.run() // delivers them
    }

    await scheduleAndRun()
    expect(eventsOf(article.id).map((delivery) => delivery.json.event)).toEqual(['article.published', 'article.published'])

    receiver.deliveries.length = 0
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Scheduled revision' },
      user: editor,
      overrideAccess: false,
    })
    await scheduleAndRun()
    expect(eventsOf(article.id).map((delivery) => [delivery.json.event, delivery.json.title])).toEqual([
      ['article.updated', 'Scheduled revision'],
      ['article.updated', 'Scheduled revision'],
    ])
  })

  it('retries a receiver that answered 500 with backoff, while the publish itself answered 200', async () => {
    const article = await draft()
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
    receiver.failures.set('/site-b', 1)

    const res = await fetch(`${server.url}/api/articles/${article.id}/workflow`, {
      method: 'POST',
      headers: { Authorization: await login(server.url, publisher.email), 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'publish' }),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).reviewState).toBe('published')

    // (Payload logs the failed attempt as an error; expected here.)
    await payload.jobs.run({ silent: { error: true } })
    expect(
      eventsOf(article.id)
        .map((delivery) => delivery.path)
        .sort(),
    ).toEqual(['/site-a', '/site-b'])
    expect(await pendingDeliveries()).toBe(1)

    // Not before the backoff delay has passed…
    await payload.jobs.run()
    expect(eventsOf(article.id)).toHaveLength(2)

    // …then the same bytes again, and only to the receiver that failed.
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS + 300))
    await payload.jobs.run()
    const [first, retry] = eventsOf(article.id).filter((delivery) => delivery.path === '/site-b')
    expect(retry).toBeDefined()
    expect(retry.raw.equals(first.raw)).toBe(true)
    expect(retry.headers['x-newsroom-delivery']).toBe(first.headers['x-newsroom-delivery'])
    expect(verifies(retry)).toBe(true)
    expect(eventsOf(article.id).filter((delivery) => delivery.path === '/site-a')).toHaveLength(1)
    expect(await pendingDeliveries()).toBe(0)
  })

  it('sends the same event when the publish comes through GraphQL', async () => {
    const article = await draft()
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
    const res = await graphql(
      server.url,
      'mutation ($id: ID!) { articleWorkflow(id: $id, action: "publish") { reviewState } }',
      { id: String(article.id) },
      await login(server.url, publisher.email),
    )
    expect(res.body).toEqual({ data: { articleWorkflow: { reviewState: 'published' } } })
    await payload.jobs.run()
    expect(eventsOf(article.id).map((delivery) => delivery.json.event)).toEqual(['article.published', 'article.published'])
  })

  it('logs a webhook that cannot be queued and still publishes', async () => {
    const urls = process.env.WEBHOOK_URLS
    process.env.WEBHOOK_URLS = 'not a url'
    const logged = vi.spyOn(payload.logger, 'error').mockImplementation(() => undefined)
    try {
      const article = await draft()
      await transitionAs(payload, editor, { id: article.id, action: 'submit' })
      await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
      await expect(transitionAs(payload, publisher, { id: article.id, action: 'publish' })).resolves.toMatchObject({
        reviewState: 'published',
      })
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ msg: expect.stringMatching(/Could not queue the article\.published webhooks/) }),
      )
    } finally {
      logged.mockRestore()
      process.env.WEBHOOK_URLS = urls
    }
  })
})
