import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { jobLeaseMs } from '../../src/env'
import { releaseExpiredLeases } from '../../src/jobs/leases'
import type { Author, User } from '../../src/payload-types'
import { transitionAs } from '../../src/services/workflow/transition'
import { createArticle, createAuthor, createUser, desk, publish } from '../helpers/factories'
import { login, startTestServer, type TestServer } from '../helpers/http'
import { runDueJobs, runJobsUntil } from '../helpers/jobs'
import { getTestPayload } from '../helpers/payload'

/**
 * The outbox after delivery goes wrong: a job whose retries are spent is visible to admins (Jobs,
 * REST, /healthz), and a job left processing by a process that died runs again, once.
 */

vi.hoisted(() => {
  // Read when the config is built: 8 retries 5 ms × 2ⁿ apart fail for good within about 2 s.
  process.env.WEBHOOK_RETRY_DELAY_MS = '5'
  process.env.WEBHOOK_SECRET = 'outbox-test-secret'
})

const received: string[] = []
let answer = 500
const receiver = http.createServer((req, res) => {
  received.push(String(req.headers['webhook-id']))
  req.resume().on('end', () => res.writeHead(answer).end())
})

let server: TestServer
let payload: Payload
let author: Author
let admin: User

const failedJobs = () =>
  payload
    .find({
      collection: 'payload-jobs',
      where: { hasError: { equals: true } },
      depth: 0,
      pagination: false,
    })
    .then((r) => r.docs)

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  process.env.WEBHOOK_URLS = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  server = await startTestServer()
  payload = await getTestPayload()
  author = await createAuthor(payload)
  admin = await createUser(payload, ['admin'])
})
afterAll(async () => {
  await server?.close()
  await new Promise((resolve) => receiver.close(resolve))
})

describe('a delivery that fails for good', () => {
  it('stays in Jobs with its error, is counted by /healthz, and only admins can read it', async () => {
    answer = 500
    const { editor, publisher } = await desk(payload)
    // A cancelled schedule is marked with an error too, but is not a failure.
    const scheduled = await createArticle(payload, { authors: [author.id] })
    await transitionAs(payload, editor, { id: scheduled.id, action: 'submit' })
    await transitionAs(payload, publisher, { id: scheduled.id, action: 'approve' })
    await transitionAs(payload, publisher, {
      id: scheduled.id,
      action: 'schedule',
      publishAt: new Date(Date.now() + 3_600_000).toISOString(),
    })
    await transitionAs(payload, publisher, { id: scheduled.id, action: 'unschedule' })

    await publish(payload, (await createArticle(payload, { authors: [author.id] })).id)
    await runJobsUntil(
      payload,
      async () => (await failedJobs()).some((job) => job.taskSlug === 'deliverWebhook'),
      'the delivery failing for good',
      15_000,
    )
    expect(received.length).toBe(9) // the first attempt and 8 retries

    const health = await (await fetch(`${server.url}/healthz`)).json()
    expect(health).toMatchObject({ status: 'ok', jobs: { failed: 1 } })

    const where = 'where[hasError][equals]=true&where[taskSlug][equals]=deliverWebhook'
    const asAdmin = await fetch(`${server.url}/api/payload-jobs?${where}`, {
      headers: { Authorization: await login(server.url, admin.email) },
    })
    expect(asAdmin.status).toBe(200)
    const { docs } = await asAdmin.json()
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      totalTried: 9,
      hasError: true,
      error: { message: expect.stringMatching(/\/hook answered 500/) },
      errorMessage: expect.stringMatching(/\/hook answered 500/),
    })

    for (const auth of [await login(server.url, publisher.email), undefined]) {
      const res = await fetch(`${server.url}/api/payload-jobs?${where}`, {
        headers: auth ? { Authorization: auth } : {},
      })
      expect(res.status).toBe(403)
    }
    // Nor may anyone but an admin run the queue by hand.
    const run = await fetch(`${server.url}/api/payload-jobs/run`, {
      headers: { Authorization: await login(server.url, editor.email) },
    })
    expect(run.status).toBe(401)
  })
})

describe('a job left processing by a runner that died', () => {
  it('runs again once its lease has run out, and is delivered once', async () => {
    answer = 204
    received.length = 0
    const article = await publish(
      payload,
      (await createArticle(payload, { authors: [author.id] })).id,
    )
    const [job] = (
      await payload.find({
        collection: 'payload-jobs',
        where: {
          and: [
            { taskSlug: { equals: 'deliverWebhook' } },
            { completedAt: { exists: false } },
            { hasError: { equals: false } },
          ],
        },
        depth: 0,
      })
    ).docs
    expect(JSON.parse(String((job.input as { body: string }).body))).toMatchObject({
      id: article.id,
    })
    // As a runner leaves it when it is killed between taking the job and recording the outcome.
    const taken = new Date(Date.now() - 1000)
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: job.id,
      data: { processing: true, updatedAt: taken.toISOString() },
    })

    await runDueJobs(payload)
    expect(received).toEqual([])
    expect(await releaseExpiredLeases(payload)).toBe(0) // still within its lease
    expect(
      await releaseExpiredLeases(payload, new Date(taken.getTime() + jobLeaseMs() + 1000)),
    ).toBe(1)
    await runDueJobs(payload)
    await runDueJobs(payload)
    expect(received).toEqual([(job.input as { eventId: string }).eventId])
  })
})
