import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Article, Author, User } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import { createArticle, createAuthor, desk, publish } from '../helpers/factories'
import { runDueJobs, runJobsUntil } from '../helpers/jobs'
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
  const values = { SECRET: 'test-webhook-secret', RETRY_DELAY_MS: 200 }
  process.env.WEBHOOK_SECRET = values.SECRET
  process.env.WEBHOOK_RETRY_DELAY_MS = String(values.RETRY_DELAY_MS)
  return values
})

type Delivery = {
  path: string
  headers: IncomingHttpHeaders
  raw: Buffer
  json: Record<string, unknown>
}

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
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
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

const eventsOf = (id: Article['id']) =>
  receiver.deliveries.filter((delivery) => delivery.json.id === id)
const draft = () => createArticle(payload, { authors: [author.id] })
const pendingDeliveries = () =>
  payload
    .count({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'deliverWebhook' } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
        ],
      },
    })
    .then((result) => result.totalDocs)

/** What a receiver does (docs/webhooks.md): verify with the standard library, which also refuses stale timestamps. */
function verifies(delivery: Delivery, secret = SECRET): boolean {
  try {
    new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' }).verify(
      delivery.raw.toString('utf8'),
      delivery.headers as Record<string, string>,
    )
    return true
  } catch {
    return false
  }
}

describe('webhooks', () => {
  it('sends a signed article.published to every receiver once the jobs run, and nothing for review steps', async () => {
    const article = await draft()
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
    await runDueJobs(payload)
    expect(eventsOf(article.id)).toEqual([])

    await transitionAs(payload, publisher, { id: article.id, action: 'publish' })
    // Queued, not sent during the publish: delivery is the job runner's work.
    expect(eventsOf(article.id)).toEqual([])
    await runDueJobs(payload)

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
        eventId: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      })
      expect(delivery.headers).toMatchObject({
        'content-type': 'application/json',
        'x-newsroom-event': 'article.published',
        'webhook-id': delivery.json.eventId,
        'webhook-timestamp': expect.stringMatching(/^\d{10}$/),
      })
    }
    // One event, one idempotency key, whichever receiver gets it.
    expect(deliveries[0].json.eventId).toBe(deliveries[1].json.eventId)
    expect(await pendingDeliveries()).toBe(0)
  })

  it('sends article.updated, with the new revision, when an edited live article is republished', async () => {
    const article = await publish(payload, (await draft()).id)
    await runDueJobs(payload)
    receiver.deliveries.length = 0

    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Revised headline', dek: 'Unreviewed draft standfirst' },
      user: editor,
      overrideAccess: false,
    })
    await runDueJobs(payload)
    expect(eventsOf(article.id)).toEqual([])

    await publish(payload, article.id)
    await runDueJobs(payload)
    const deliveries = eventsOf(article.id)
    expect(deliveries).toHaveLength(2)
    for (const delivery of deliveries) {
      expect(delivery.json).toMatchObject({
        event: 'article.updated',
        title: 'Revised headline',
        publishedAt: article.publishedAt,
      })
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
    await runDueJobs(payload)

    const unpublished = eventsOf(article.id).filter(
      (delivery) => delivery.json.event === 'article.unpublished',
    )
    expect(unpublished).toHaveLength(2)
    for (const delivery of unpublished) {
      expect(delivery.json).toMatchObject({
        id: article.id,
        slug: article.slug,
        title: article.title,
      })
      expect(Object.keys(delivery.json).sort()).toEqual([
        'at',
        'event',
        'eventId',
        'id',
        'publishedAt',
        'slug',
        'title',
      ])
      expect(delivery.raw.toString()).not.toMatch(
        /Pending revision|reviewState|approvedHash|previewNonce|submittedBy|dek|body/,
      )
    }
  })

  it('announces scheduled publications when the scheduler publishes them: first published, then a revision updated', async () => {
    const article = await draft()
    const scheduleAndRun = async () => {
      await transitionAs(payload, editor, { id: article.id, action: 'submit' })
      await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
      await transitionAs(payload, publisher, {
        id: article.id,
        action: 'schedule',
        publishAt: new Date(Date.now() + 500).toISOString(),
      })
      await runDueJobs(payload)
      expect(eventsOf(article.id)).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 600))
      await runDueJobs(payload) // publishes, and queues the webhooks
      await runDueJobs(payload) // delivers them
    }

    await scheduleAndRun()
    expect(eventsOf(article.id).map((delivery) => delivery.json.event)).toEqual([
      'article.published',
      'article.published',
    ])

    receiver.deliveries.length = 0
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Scheduled revision' },
      user: editor,
      overrideAccess: false,
    })
    await scheduleAndRun()
    expect(
      eventsOf(article.id).map((delivery) => [delivery.json.event, delivery.json.title]),
    ).toEqual([
      ['article.updated', 'Scheduled revision'],
      ['article.updated', 'Scheduled revision'],
    ])
  })

  it('retries a receiver that failed 3 times with backoff until it succeeds, then sends it no more, while the publish answered 200', async () => {
    const article = await draft()
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
    receiver.failures.set('/site-b', 3)

    const res = await fetch(`${server.url}/api/articles/${article.id}/workflow`, {
      method: 'POST',
      headers: {
        Authorization: await login(server.url, publisher.email),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ action: 'publish' }),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).reviewState).toBe('published')

    await runDueJobs(payload, { silent: { error: true } })
    expect(await pendingDeliveries()).toBe(1)
    // Not before the backoff delay has passed…
    await runDueJobs(payload, { silent: { error: true } })
    expect(eventsOf(article.id)).toHaveLength(2)

    await runJobsUntil(payload, async () => (await pendingDeliveries()) === 0, 'every delivery')
    // …then three more attempts: two failures and the success, always the same bytes and key.
    const attempts = eventsOf(article.id).filter((delivery) => delivery.path === '/site-b')
    expect(attempts).toHaveLength(4)
    for (const attempt of attempts) {
      expect(attempt.raw.equals(attempts[0].raw)).toBe(true)
      expect(attempt.headers['webhook-id']).toBe(attempts[0].json.eventId)
      expect(verifies(attempt)).toBe(true)
    }
    // Each attempt is signed when it is sent, with its own timestamp (a receiver's 5-minute window holds for retries).
    expect(Number(attempts[3].headers['webhook-timestamp'])).toBeGreaterThanOrEqual(
      Number(attempts[0].headers['webhook-timestamp']),
    )
    expect(eventsOf(article.id).filter((delivery) => delivery.path === '/site-a')).toHaveLength(1)

    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * 8))
    await runDueJobs(payload)
    expect(eventsOf(article.id)).toHaveLength(5)
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
    await runDueJobs(payload)
    expect(eventsOf(article.id).map((delivery) => delivery.json.event)).toEqual([
      'article.published',
      'article.published',
    ])
  })

  it('queues nothing, and sends nothing, for a publish that rolls back', async () => {
    const article = await draft()
    await transitionAs(payload, editor, { id: article.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: article.id, action: 'approve' })
    const jobsBefore = await payload.count({ collection: 'payload-jobs' })
    // The commit fails after the publish, its audit event and its side effects were all written.
    const commit = vi
      .spyOn(payload.db, 'commitTransaction')
      .mockRejectedValueOnce(new Error('disk I/O error'))
    try {
      await expect(
        transitionAs(payload, publisher, { id: article.id, action: 'publish' }),
      ).rejects.toThrow(/disk I\/O error/)
    } finally {
      commit.mockRestore()
    }
    expect(await payload.count({ collection: 'payload-jobs' })).toEqual(jobsBefore)
    await runDueJobs(payload)
    expect(eventsOf(article.id)).toEqual([])
    expect(
      (await payload.findByID({ collection: 'articles', id: article.id, draft: true, depth: 0 }))
        .reviewState,
    ).toBe('approved')
  })
})
