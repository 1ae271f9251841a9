import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { body } from '../helpers/factories'
import {
  api,
  login,
  newClient,
  sleep,
  startCluster,
  within,
  type Cluster,
  type Member,
} from './cluster'

/**
 * `npm run test:cluster`: the production shape — three app instances (the production build) and
 * a jobs worker on one PostgreSQL, all running the queue — with every request spread over the
 * instances, checking what must hold across them (docs/deployment.md, Several instances).
 */

let cluster: Cluster
let db: pg.Client
let [a, b, c]: Member[] = []
const tokens: Record<'editor' | 'publisher' | 'admin', string[]> = {
  editor: [],
  publisher: [],
  admin: [],
}
let guest: number
let n = 0
/** Submissions so far: each emails the desk once (one message to its editors and publishers). */
let submissions = 0

/** The instance for request i: round robin over the three. */
const on = (i: number) => cluster.instances[i % cluster.instances.length]!
const token = (who: keyof typeof tokens, i: number) => tokens[who][i % tokens[who].length]!

beforeAll(async () => {
  cluster = await startCluster(3)
  ;[a, b, c] = cluster.instances
  db = new pg.Client({ connectionString: cluster.databaseUrl })
  await db.connect()
  // Each instance signs its own tokens; any instance accepts any instance's (one secret).
  for (const [i, instance] of cluster.instances.entries())
    for (const who of ['editor', 'publisher', 'admin'] as const)
      tokens[who][i] = await login(instance.base!, who)
  const authors = await api(a!.base!, 'GET', '/api/authors?limit=100&depth=0', {
    token: token('editor', 0),
  })
  // Sam Whitfield has no account: publishers are never authors of the articles made here.
  guest = authors.json.docs.find((author: { name: string }) => author.name === 'Sam Whitfield').id
}, 240_000)

afterAll(async () => {
  await db?.end()
  await cluster?.stop()
})

/** A new article submitted by the editor and approved by the publisher, each on another instance. */
async function approvedArticle(i = n): Promise<{ id: number; slug: string; title: string }> {
  const title = `Cluster piece ${++n}`
  const created = await api(on(i).base!, 'POST', '/api/articles?draft=true', {
    token: token('editor', i),
    json: { title, dek: `About ${title}.`, authors: [guest], body: body(`Text of ${title}.`) },
  })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  const { id, slug } = created.json.doc
  for (const [step, action, who] of [
    [1, 'submit', 'editor'],
    [2, 'approve', 'publisher'],
  ] as const) {
    const res = await api(on(i + step).base!, 'POST', `/api/articles/${id}/workflow`, {
      token: token(who, i + step),
      json: { action },
    })
    expect(res.status, `${action}: ${JSON.stringify(res.json)}`).toBe(200)
    if (action === 'submit') submissions++
  }
  return { id, slug, title }
}

const transition = (member: Member, who: keyof typeof tokens, id: number, action: string) =>
  api(member.base!, 'POST', `/api/articles/${id}/workflow`, {
    token: tokens[who][cluster.instances.indexOf(member)] ?? token(who, 0),
    json: { action },
  })

const frontList = (member: Member) => api(member.base!, 'GET', '/api/public/articles?limit=10')
const listed = (answer: { json: { docs?: { slug: string }[] } }, slug: string) =>
  (answer.json.docs ?? []).some((doc) => doc.slug === slug)

describe('three instances and a worker on one PostgreSQL', () => {
  it('all answer, on the one database', async () => {
    for (const instance of cluster.instances) {
      const health = await api(instance.base!, 'GET', '/healthz')
      expect(health.json).toMatchObject({ status: 'ok', db: 'postgres' })
    }
  })
})

describe('fresh public answers across instances', () => {
  it('lists a publication made on one instance on the others within 1 s, though they had it cached', async () => {
    const article = await approvedArticle()
    for (const member of [b!, c!]) {
      await frontList(member)
      expect((await frontList(member)).headers.get('x-cache')).toBe('HIT')
    }
    const published = await transition(a!, 'publisher', article.id, 'publish')
    expect(published.status).toBe(200)
    for (const member of [b!, c!]) {
      const ms = await within(1000, async () => listed(await frontList(member), article.slug))
      expect(ms, `${member.name} still lists without ${article.slug}`).toBeLessThan(1000)
    }
  })

  it('stops serving an article unpublished on another instance within 1 s', async () => {
    const article = await approvedArticle()
    expect((await transition(b!, 'publisher', article.id, 'publish')).status).toBe(200)
    const page = `/api/public/articles/${article.slug}`
    for (const member of [a!, c!]) {
      await api(member.base!, 'GET', page)
      expect((await api(member.base!, 'GET', page)).headers.get('x-cache')).toBe('HIT')
    }
    expect((await transition(b!, 'publisher', article.id, 'unpublish')).status).toBe(200)
    for (const member of [a!, c!]) {
      const ms = await within(
        1000,
        async () => (await api(member.base!, 'GET', page)).status === 404,
      )
      expect(ms, `${member.name} still serves ${article.slug}`).toBeLessThan(1000)
    }
  })

  it('shows an edit of what a live article embeds (its author) on every instance within 1 s', async () => {
    const article = await approvedArticle()
    expect((await transition(c!, 'publisher', article.id, 'publish')).status).toBe(200)
    const page = `/api/public/articles/${article.slug}`
    for (const member of [a!, b!]) await api(member.base!, 'GET', page)
    const renamed = `Sam Whitfield ${++n}`
    const edit = await api(c!.base!, 'PATCH', `/api/authors/${guest}`, {
      token: token('admin', 2),
      json: { name: renamed },
    })
    expect(edit.status, JSON.stringify(edit.json)).toBe(200)
    for (const member of [a!, b!]) {
      const ms = await within(1000, async () =>
        JSON.stringify((await api(member.base!, 'GET', page)).json).includes(renamed),
      )
      expect(ms, `${member.name} still shows the old name`).toBeLessThan(1000)
    }
  })
})

describe('rate limits counted once for all instances', () => {
  it('refuses the 7th login attempt of an address (AUTH_RATE_LIMIT=6/60), whichever instances it used', async () => {
    const client = newClient()
    const statuses = []
    for (let i = 0; i < 7; i++) {
      const res = await api(on(i).base!, 'POST', '/api/users/login', {
        json: { email: 'nobody@example.com', password: 'wrong' },
        client,
      })
      statuses.push(res.status)
    }
    expect(statuses.slice(0, 6).every((status) => status === 401)).toBe(true)
    expect(statuses[6]).toBe(429)
    // The quota is the address's on every instance now.
    for (const instance of cluster.instances) {
      const res = await api(instance.base!, 'POST', '/api/users/login', {
        json: { email: 'nobody@example.com', password: 'wrong' },
        client,
      })
      expect(res.status).toBe(429)
    }
    // Another address has its own quota.
    const other = await api(a!.base!, 'POST', '/api/users/login', {
      json: { email: 'nobody@example.com', password: 'wrong' },
      client: newClient(),
    })
    expect(other.status).toBe(401)
  })

  it('refuses the 5th comment of an address (COMMENT_RATE_LIMIT=4/60) across instances', async () => {
    const client = newClient()
    const statuses = []
    for (let i = 0; i < 5; i++) {
      const res = await api(on(i).base!, 'POST', '/api/comments', { json: {}, client })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429])
  })
})

describe('jobs run once', () => {
  it('delivers each publication webhook exactly once, whichever runner took it', async () => {
    const articles = []
    for (let i = 0; i < 6; i++) articles.push(await approvedArticle(i))
    await Promise.all(
      articles.map((article, i) => transition(on(i), 'publisher', article.id, 'publish')),
    )
    const ids = new Set(articles.map((article) => article.id))
    const mine = () =>
      cluster.deliveries.filter(
        (d) => d.event === 'article.published' && ids.has(d.articleId as number),
      )
    const ms = await within(20_000, async () => new Set(mine().map((d) => d.id)).size === 6)
    expect(ms, 'not every publication was delivered').toBeLessThan(20_000)
    // Two more turns of every runner: nothing is delivered again.
    await sleep(11_000)
    const delivered = mine()
    expect(delivered).toHaveLength(6)
    expect(new Set(delivered.map((d) => d.id)).size).toBe(6)
  }, 60_000)

  it('publishes a scheduled article once, with one event and one webhook', async () => {
    const article = await approvedArticle()
    const publishAt = new Date(Date.now() + 2_000).toISOString()
    const scheduled = await api(b!.base!, 'POST', `/api/articles/${article.id}/workflow`, {
      token: token('publisher', 1),
      json: { action: 'schedule', publishAt },
    })
    expect(scheduled.status, JSON.stringify(scheduled.json)).toBe(200)
    const ms = await within(20_000, async () =>
      cluster.deliveries.some((d) => d.articleId === article.id && d.event === 'article.published'),
    )
    expect(ms).toBeLessThan(20_000)
    await sleep(11_000)
    const events = await db.query(
      `select count(*)::int as n from workflow_events where article_id = $1 and action = 'scheduled_publish'`,
      [article.id],
    )
    expect(events.rows[0].n).toBe(1)
    expect(
      cluster.deliveries.filter(
        (d) => d.articleId === article.id && d.event === 'article.published',
      ),
    ).toHaveLength(1)
  }, 60_000)

  it('sends each email once: the SMTP server gets every Message-ID one time', async () => {
    // Every submission above emailed the desk; give the runners two more turns.
    await sleep(11_000)
    expect(cluster.emails.length).toBe(submissions)
    const counts = new Map<string, number>()
    for (const id of cluster.emails) counts.set(id, (counts.get(id) ?? 0) + 1)
    expect([...counts].filter(([, count]) => count > 1)).toEqual([])
    // And none is left waiting: the queue holds no unsent email.
    const waiting = await db.query(
      `select count(*)::int as n from payload_jobs where task_slug = 'sendEmail' and completed_at is null`,
    )
    expect(waiting.rows[0].n).toBe(0)
  }, 30_000)
})

describe('workflow races across instances', () => {
  it('lets one of two publishers on two instances publish; the other gets 409', async () => {
    for (let round = 0; round < 4; round++) {
      const article = await approvedArticle(round)
      const [first, second] = [on(round), on(round + 1)]
      const answers = await Promise.all([
        transition(first, 'publisher', article.id, 'publish'),
        transition(second, 'admin', article.id, 'publish'),
      ])
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
      const published = await db.query(
        `select count(*)::int as n from workflow_events where article_id = $1 and action = 'publish'`,
        [article.id],
      )
      expect(published.rows[0].n).toBe(1)
    }
  })

  it('never publishes text the approval did not see, when an approval and an edit meet', async () => {
    for (let round = 0; round < 4; round++) {
      const title = `Raced piece ${++n}`
      const created = await api(on(round).base!, 'POST', '/api/articles?draft=true', {
        token: token('editor', round),
        json: { title, dek: 'Before.', authors: [guest], body: body('First text.') },
      })
      const { id, slug } = created.json.doc
      expect((await transition(on(round + 1), 'editor', id, 'submit')).status).toBe(200)
      const edited = `Edited ${title}`
      const [approval, edit] = await Promise.all([
        transition(on(round + 2), 'publisher', id, 'approve'),
        api(on(round + 3).base!, 'PATCH', `/api/articles/${id}?draft=true`, {
          token: token('editor', round + 3),
          json: { title: edited },
        }),
      ])
      expect(approval.status).toBe(200)
      expect(edit.status).toBe(200)
      const publish = await transition(on(round + 4), 'publisher', id, 'publish')
      if (publish.status === 200) {
        // The edit came first: the approval covered it.
        const page = await api(on(round).base!, 'GET', `/api/public/articles/${slug}`)
        expect(page.json.title).toBe(edited)
      } else {
        // The approval came first: the edit made it stale.
        expect(publish.status).toBe(409)
        expect(JSON.stringify(publish.json)).toMatch(/approv/)
      }
    }
  })

  it('keeps both of two saves of one draft made on two instances at once', async () => {
    for (let round = 0; round < 4; round++) {
      const title = `Shared draft ${++n}`
      const created = await api(on(round).base!, 'POST', '/api/articles?draft=true', {
        token: token('editor', round),
        json: { title, dek: 'Old standfirst.', authors: [guest], body: body('Text.') },
      })
      const { id } = created.json.doc
      const saves = await Promise.all([
        api(on(round + 1).base!, 'PATCH', `/api/articles/${id}?draft=true`, {
          token: token('editor', round + 1),
          json: { title: `${title}, retitled` },
        }),
        api(on(round + 2).base!, 'PATCH', `/api/articles/${id}?draft=true`, {
          token: token('admin', round + 2),
          json: { dek: 'New standfirst.' },
        }),
      ])
      expect(saves.map((save) => save.status)).toEqual([200, 200])
      const latest = await api(on(round).base!, 'GET', `/api/articles/${id}?draft=true&depth=0`, {
        token: token('editor', round),
      })
      expect(latest.json).toMatchObject({ title: `${title}, retitled`, dek: 'New standfirst.' })
    }
  })
})

describe('media every instance serves', () => {
  it('serves an image uploaded through one instance from the others, out of the S3 bucket', async () => {
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    )
    const form = new FormData()
    form.append('file', new Blob([png], { type: 'image/png' }), `cluster-${++n}.png`)
    form.append('_payload', JSON.stringify({ alt: 'A dot' }))
    const upload = await fetch(`${a!.base}/api/media`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token('editor', 0)}` },
      body: form,
    })
    expect(upload.status).toBe(201)
    const { doc } = (await upload.json()) as { doc: { url: string; filename: string } }
    // In the bucket, not in the uploading instance's folder.
    expect(fs.existsSync(path.join(cluster.s3.bucketDir, `${doc.filename}._S3rver_object`))).toBe(
      true,
    )
    for (const member of [b!, c!]) {
      const res = await fetch(new URL(doc.url, member.base).toString())
      expect(res.status, `${member.name} ${doc.url}`).toBe(200)
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true)
    }
  })
})

describe('a runner killed holding a job', () => {
  it('has its job taken over by another after the lease (JOBS_LEASE_SECONDS=12), delivered with the same id', async () => {
    const held = new Promise<{ id: string; from: number }>((resolve) => {
      cluster.hold = { event: 'article.unpublished', onHeld: resolve }
    })
    const article = await approvedArticle()
    expect((await transition(a!, 'publisher', article.id, 'publish')).status).toBe(200)
    expect((await transition(b!, 'publisher', article.id, 'unpublish')).status).toBe(200)
    const first = await held
    cluster.hold = undefined
    const holder = [...cluster.instances, cluster.worker].find((m) => m.child.pid === first.from)
    expect(holder, `no cluster process holds the delivery (pid ${first.from})`).toBeDefined()
    const killedAt = Date.now()
    holder!.child.kill('SIGKILL')
    const again = () =>
      cluster.deliveries.filter((d) => d.id === first.id && d.from !== first.from).length > 0
    // The lease, then the next turn of a runner (every 5 s).
    const ms = await within(30_000, async () => again())
    expect(ms, 'the job was not taken over').toBeLessThan(30_000)
    // Not before the lease has run out (12 s from the claim, made just before the kill).
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(10_000)
    await sleep(6_000)
    expect(cluster.deliveries.filter((d) => d.id === first.id)).toHaveLength(2)
    // The cluster keeps its three instances for whatever runs after.
    const index = cluster.instances.indexOf(holder!)
    if (index >= 0) cluster.instances[index] = await cluster.start(`${holder!.name}′`)
  }, 90_000)
})

describe('instances starting together', () => {
  it('fill an emptied read model between them and all serve it', async () => {
    await db.query('delete from public_listings')
    await db.query('delete from public_pages')
    const [first, second] = await Promise.all([cluster.start('D'), cluster.start('E')])
    cluster.instances.push(first, second)
    for (const member of [first, second]) {
      const list = await frontList(member)
      expect(list.status).toBe(200)
      expect(list.json.docs.length).toBeGreaterThan(0)
    }
    const published = await db.query(
      `select count(*)::int as n from articles where _status = 'published'`,
    )
    const pages = await db.query('select count(*)::int as n from public_pages')
    expect(pages.rows[0].n).toBe(published.rows[0].n)
  }, 90_000)
})

describe('web instances that leave the queue to the worker', () => {
  it('with JOBS_AUTORUN=false have their publications delivered by npm run jobs:worker alone', async () => {
    for (const member of cluster.instances) member.child.kill('SIGKILL')
    if (cluster.worker.child.exitCode !== null || cluster.worker.child.signalCode)
      cluster.worker = await cluster.start('worker again', 'worker')
    const web = await cluster.start('F', 'instance', { JOBS_AUTORUN: 'false' })
    cluster.instances = [web]
    const article = await approvedArticle(0)
    expect((await transition(web, 'publisher', article.id, 'publish')).status).toBe(200)
    const delivered = () =>
      cluster.deliveries.filter(
        (d) => d.articleId === article.id && d.event === 'article.published',
      )
    const ms = await within(20_000, async () => delivered().length > 0)
    expect(ms, 'the worker did not deliver').toBeLessThan(20_000)
    expect(delivered().map((d) => d.from)).toEqual([cluster.worker.child.pid])
  }, 90_000)
})
