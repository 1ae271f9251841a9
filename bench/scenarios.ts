/**
 * The scenarios: what a frontend and the desk ask of the server, the same URLs for our server and
 * for bare Payload (which answers them with its generic REST and GraphQL), and the floor's
 * equivalents where it has one.
 */
import type { Request } from 'autocannon'
import { stringify } from 'qs-esm'

import type { Dataset, Id, Login } from './dataset'
import type { LoadSpec, SideLoop, SideReport } from './load'
import { sleep, type ServerKind } from './servers'

export type ScenarioContext = {
  base: string
  kind: ServerKind
  dataset: Dataset
  /** Approved articles this server may publish (its own slice when servers share a database). */
  publishIds: Id[]
  connections: number
}

export type Scenario = {
  id: string
  title: string
  kinds: ServerKind[]
  /** The editor side, run with --editor-connections (10). */
  editor?: boolean
  prepare(ctx: ScenarioContext): Promise<LoadSpec | { skip: string }>
}

/** The list page a frontend asks for, built as a frontend would (qs-esm, as Payload's docs show). */
const LIST_QUERY = {
  limit: 20,
  depth: 1,
  sort: '-publishedAt',
  where: { _status: { equals: 'published' } } as Record<string, unknown>,
  select: { title: true, slug: true, dek: true, publishedAt: true, heroImage: true, authors: true },
  populate: { authors: { name: true, slug: true } },
}

const listPath = (filter: Record<string, unknown> = {}) =>
  `/api/articles${stringify({ ...LIST_QUERY, where: { ...LIST_QUERY.where, ...filter } }, { addQueryPrefix: true })}`

type ListFilter = { author?: string; source?: string; tag?: string }

/**
 * Ours answers a list page with its purpose-built route (the same cards, no total); bare Payload
 * with the generic REST query above. The `list-rest` scenario asks both the generic query.
 */
const cardsPath = (kind: ServerKind, filter: ListFilter = {}) => {
  if (kind === 'ours')
    return `/api/public/articles${stringify({ limit: 20, ...filter }, { addQueryPrefix: true })}`
  const where: Record<string, unknown> = {}
  if (filter.author) where['authors.slug'] = { equals: filter.author }
  if (filter.source) where['sources.slug'] = { equals: filter.source }
  if (filter.tag) where.tags = { equals: filter.tag }
  return listPath(where)
}

/** Ours answers an article page in one request (with its comments); bare Payload's nearest is a list of one (no comments). */
const articlePath = (kind: ServerKind, slug: string) => {
  if (kind === 'ours') return `/api/public/articles/${encodeURIComponent(slug)}`
  if (kind === 'floor') return `/article/${encodeURIComponent(slug)}`
  const query = {
    where: { slug: { equals: slug }, _status: { equals: 'published' } },
    depth: 1,
    limit: 1,
  }
  return `/api/articles${stringify(query, { addQueryPrefix: true })}`
}

/**
 * GraphQL, as each server is best asked: ours with its public reads (publicArticles,
 * publicArticle), bare Payload with its generic Articles query; the same fields either way.
 */
const GRAPHQL_LIST: Record<'ours' | 'bare', string> = {
  ours: `{ publicArticles(limit: 20) {
  docs { id title slug dek publishedAt heroImage { url alt } authors { name slug } } } }`,
  bare: `{ Articles(limit: 20, sort: "-publishedAt", where: { _status: { equals: published } }) {
  docs { id title slug dek publishedAt heroImage { url alt } authors { name slug } } } }`,
}

const ARTICLE_FIELDS =
  'id title slug dek body publishedAt tags heroImage { url alt } authors { name slug bio } sources { name slug kind url }'
const GRAPHQL_ARTICLE: Record<'ours' | 'bare', string> = {
  ours: `query Article($slug: String!) { publicArticle(slug: $slug) { ${ARTICLE_FIELDS} } }`,
  bare: `query Article($slug: String!) {
  Articles(limit: 1, where: { slug: { equals: $slug }, _status: { equals: published } }) {
    docs { ${ARTICLE_FIELDS} } } }`,
}
const graphqlOf = (kind: ServerKind) => (kind === 'ours' ? 'ours' : 'bare')

/** A fetch that gives up after 30 s: a server drowning in its backlog must not hang the benchmark. */
const call = (url: string, init: RequestInit = {}) =>
  fetch(url, { signal: AbortSignal.timeout(30_000), ...init })

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const quoted = (value: string) => JSON.stringify(value)
const JSON_HEADERS = { 'content-type': 'application/json' }

/**
 * GET requests made by `next` (a new path per request), counted as wrong when a 200's body lacks
 * `mustContain` (the slug asked for, a non-empty list).
 */
function reads(
  next: () => { path: string; mustContain: string; headers?: Record<string, string> },
  extra: Partial<LoadSpec> = {},
): LoadSpec {
  const wrongBodies = { count: 0 }
  const request: Request = {
    method: 'GET',
    setupRequest: (req, context) => {
      const { path, mustContain, headers } = next()
      context.mustContain = mustContain
      return { ...req, path, headers: { ...req.headers, ...headers } }
    },
    onResponse: (status, body, context) => {
      if (status === 200 && !body.includes(context.mustContain as string)) wrongBodies.count++
    },
  }
  return { requests: [request], wrongBodies, ...extra }
}

function graphql(
  next: () => { query: string; variables?: Record<string, unknown>; mustContain: string },
): LoadSpec {
  const wrongBodies = { count: 0 }
  const request: Request = {
    method: 'POST',
    path: '/api/graphql',
    headers: JSON_HEADERS,
    setupRequest: (req, context) => {
      const { query, variables, mustContain } = next()
      context.mustContain = mustContain
      return { ...req, body: JSON.stringify({ query, variables }) }
    },
    // GraphQL answers its errors with 200.
    onResponse: (status, body, context) => {
      if (
        status === 200 &&
        (body.includes('"errors"') || !body.includes(context.mustContain as string))
      )
        wrongBodies.count++
    },
  }
  return { requests: [request], wrongBodies }
}

const articleReads = ({ kind, dataset }: ScenarioContext) =>
  reads(() => {
    const slug = pick(dataset.publishedSlugs)
    return { path: articlePath(kind, slug), mustContain: `"slug":${quoted(slug)}` }
  })

const filteredList = (kind: ServerKind, filter: () => ListFilter) =>
  reads(() => ({ path: cardsPath(kind, filter()), mustContain: '"docs":[' }))

export const SCENARIOS: Scenario[] = [
  {
    id: 'list',
    title: 'list page (20 newest with authors)',
    kinds: ['ours', 'bare', 'floor'],
    prepare: async ({ kind }) =>
      reads(() => ({
        path: kind === 'floor' ? '/list' : cardsPath(kind),
        mustContain: '"docs":[{',
      })),
  },
  {
    id: 'list-rest',
    title: 'list page, generic REST (depth 1, select), same URL',
    kinds: ['ours', 'bare'],
    prepare: async () => reads(() => ({ path: listPath(), mustContain: '"docs":[{' })),
  },
  {
    id: 'article',
    title: 'article page by slug',
    kinds: ['ours', 'bare', 'floor'],
    prepare: async (ctx) => articleReads(ctx),
  },
  {
    id: 'list-author',
    title: 'list by author slug',
    kinds: ['ours', 'bare'],
    prepare: async ({ kind, dataset }) =>
      filteredList(kind, () => ({ author: pick(dataset.authorSlugs) })),
  },
  {
    id: 'list-source',
    title: 'list by source slug',
    kinds: ['ours', 'bare'],
    prepare: async ({ kind, dataset }) =>
      filteredList(kind, () => ({ source: pick(dataset.sourceSlugs) })),
  },
  {
    id: 'list-tag',
    title: 'list by tag',
    kinds: ['ours', 'bare'],
    prepare: async ({ kind, dataset }) => filteredList(kind, () => ({ tag: pick(dataset.tags) })),
  },
  {
    id: 'graphql-list',
    title: 'GraphQL list page',
    kinds: ['ours', 'bare'],
    prepare: async ({ kind }) =>
      graphql(() => ({ query: GRAPHQL_LIST[graphqlOf(kind)], mustContain: '"docs":[{' })),
  },
  {
    id: 'graphql-article',
    title: 'GraphQL article by slug',
    kinds: ['ours', 'bare'],
    prepare: async ({ kind, dataset }) =>
      graphql(() => {
        const slug = pick(dataset.publishedSlugs)
        return {
          query: GRAPHQL_ARTICLE[graphqlOf(kind)],
          variables: { slug },
          mustContain: `"slug":${quoted(slug)}`,
        }
      }),
  },
  {
    id: 'revalidate',
    title: 'article page, If-None-Match (304)',
    kinds: ['ours', 'bare'],
    prepare: async ({ base, kind, dataset }) => {
      // The ETags a browser or CDN holds for 200 articles, fetched once.
      const known: { slug: string; etag: string }[] = []
      for (const slug of dataset.publishedSlugs.slice(0, 200)) {
        const response = await call(base + articlePath(kind, slug))
        await response.arrayBuffer()
        const etag = response.headers.get('etag')
        if (response.status === 200 && etag) known.push({ slug, etag })
      }
      if (!known.length)
        return { skip: 'sends no ETag: every revalidation is a full answer (the article page row)' }
      return reads(
        () => {
          const { slug, etag } = pick(known)
          return {
            path: articlePath(kind, slug),
            mustContain: `"slug":${quoted(slug)}`,
            headers: { 'if-none-match': etag },
          }
        },
        { expectedStatuses: [304] },
      )
    },
  },
  {
    id: 'publish',
    title: 'article page while an editor publishes every second',
    kinds: ['ours', 'bare'],
    prepare: async (ctx) => {
      // Ours publishes through the workflow as the publisher; bare Payload by saving `_status: published` as an admin.
      const token = await login(
        ctx.base,
        ctx.kind === 'ours' ? ctx.dataset.users.publisher : ctx.dataset.users.admin,
      )
      return { ...articleReads(ctx), sideLoop: () => publishEverySecond(ctx, token) }
    },
  },
  {
    id: 'editor-save',
    title: 'editor: save a draft (PATCH ?draft=true)',
    kinds: ['ours'],
    editor: true,
    prepare: async ({ base, dataset }) => {
      const headers = {
        ...JSON_HEADERS,
        authorization: `JWT ${await login(base, dataset.users.editor)}`,
      }
      // Live articles: each save becomes a new draft revision, as the desk's edits do.
      const request: Request = {
        method: 'PATCH',
        headers,
        setupRequest: (req) => ({
          ...req,
          path: `/api/articles/${pick(dataset.publishedIds)}?draft=true`,
          body: JSON.stringify({
            dek: `A standfirst the benchmark rewrote at ${new Date().toISOString()}.`,
          }),
        }),
      }
      return { requests: [request] }
    },
  },
  {
    id: 'editor-workflow',
    title: 'editor: workflow transition (submit / withdraw)',
    kinds: ['ours'],
    editor: true,
    prepare: (ctx) => workflowCycle(ctx),
  },
  {
    id: 'editor-moderation',
    title: 'editor: moderation list (100 pending comments)',
    kinds: ['ours'],
    editor: true,
    prepare: async ({ base, dataset }) => {
      const authorization = `JWT ${await login(base, dataset.users.editor)}`
      const path = `/api/comments${stringify({ limit: 100, where: { status: { equals: 'pending' } } }, { addQueryPrefix: true })}`
      const first = (await (await call(base + path, { headers: { authorization } })).json()) as {
        docs?: unknown[]
        totalDocs?: number
      }
      return {
        ...reads(() => ({ path, mustContain: '"docs":[', headers: { authorization } })),
        notes: [
          `${first.docs?.length ?? 0} comments a page, ${first.totalDocs ?? 0} pending in all`,
        ],
      }
    },
  },
]

async function login(base: string, { email, password }: Login): Promise<string> {
  const response = await call(`${base}/api/users/login`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ email, password }),
  })
  const body = (await response.json()) as { token?: string }
  if (!response.ok || !body.token)
    throw new Error(
      `login as ${email} answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`,
    )
  return body.token
}

/**
 * The desk publishing while readers read: one approved article a second, each answer timed; then
 * every article that was published must be readable anonymously.
 */
function publishEverySecond(
  { base, kind, publishIds }: ScenarioContext,
  token: string,
): SideLoop<SideReport> {
  const headers = { ...JSON_HEADERS, authorization: `JWT ${token}` }
  const publish = (id: Id) =>
    kind === 'ours'
      ? fetch(`${base}/api/articles/${id}/workflow`, {
          method: 'POST',
          headers,
          body: '{"action":"publish"}',
          signal: AbortSignal.timeout(20_000),
        })
      : fetch(`${base}/api/articles/${id}`, {
          method: 'PATCH',
          headers,
          body: '{"_status":"published"}',
          signal: AbortSignal.timeout(20_000),
        })
  const attempts: { id: Id; status: number; ms: number }[] = []
  let stopped = false
  const loop = (async () => {
    for (const id of publishIds) {
      if (stopped) return
      const started = performance.now()
      const status = await publish(id).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      )
      attempts.push({ id, status, ms: Math.round(performance.now() - started) })
      await sleep(1000 - (performance.now() - started))
    }
  })()
  return {
    async stop() {
      stopped = true
      await loop
      const published = attempts.filter((attempt) => attempt.status === 200)
      let visible = 0
      for (const { id } of published) if (await isPublic(base, kind, id)) visible++
      const times = attempts.map((attempt) => attempt.ms).sort((a, b) => a - b)
      const ranOut =
        attempts.length === publishIds.length
          ? ` (all ${publishIds.length} approved articles used)`
          : ''
      return {
        ok:
          attempts.length > 0 &&
          published.length === attempts.length &&
          visible === published.length,
        summary:
          `${published.length}/${attempts.length} publishes answered 200${ranOut}, ` +
          `median ${times[Math.floor(times.length / 2)] ?? '–'} ms, max ${times.at(-1) ?? '–'} ms; ${visible}/${published.length} then public`,
        details: { attempts, visible },
      }
    },
  }
}

/** Anonymous readers see it as published: by id, and (ours) on its article page. */
async function isPublic(base: string, kind: ServerKind, id: Id): Promise<boolean> {
  const response = await call(`${base}/api/articles/${id}?depth=0`)
  const doc = (await response.json()) as { _status?: string; slug?: string }
  if (response.status !== 200 || doc._status !== 'published') return false
  if (kind !== 'ours') return true
  const page = await call(`${base}${articlePath(kind, doc.slug ?? '')}`)
  await page.arrayBuffer()
  return page.status === 200
}

/**
 * Submit and withdraw, over and over: each connection takes its own seeded draft, so its
 * transitions never race another connection's. The next action follows the article's state.
 */
async function workflowCycle({
  base,
  dataset,
  connections,
}: ScenarioContext): Promise<LoadSpec | { skip: string }> {
  const authorization = `JWT ${await login(base, dataset.users.editor)}`
  const headers = { ...JSON_HEADERS, authorization }
  const transition = async (id: Id, action: string) => {
    const response = await call(`${base}/api/articles/${id}/workflow`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ action }),
    })
    return (
      ((await response.json()) as { reviewState?: string }).reviewState ??
      `answered ${response.status}`
    )
  }
  const query = {
    where: { id: { in: dataset.draftIds.slice(0, 100) }, reviewState: { equals: 'draft' } },
    draft: true,
    depth: 0,
    limit: 100,
  }
  const found = (await (
    await call(`${base}/api/articles${stringify(query, { addQueryPrefix: true })}`, { headers })
  ).json()) as {
    docs: { id: Id }[]
  }
  // Only drafts that pass the submit check can cycle; each is left as a draft again.
  const articles: Id[] = []
  for (const { id } of found.docs) {
    if (articles.length === connections) break
    if (
      (await transition(id, 'submit')) === 'in_review' &&
      (await transition(id, 'withdraw')) === 'draft'
    )
      articles.push(id)
  }
  if (!articles.length) return { skip: 'no seeded draft passes the submit check' }

  const state = new Map<Id, string>(articles.map((id) => [id, 'draft']))
  const reviewStateOf = async (id: Id) => {
    const response = await call(`${base}/api/articles/${id}/workflow`, { headers })
    return ((await response.json()) as { reviewState: string }).reviewState
  }
  let clients = 0
  const requestsFor = (id: Id): Request[] => [
    {
      method: 'POST',
      path: `/api/articles/${id}/workflow`,
      headers,
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ action: state.get(id) === 'in_review' ? 'withdraw' : 'submit' }),
      }),
      onResponse: (status, body) => {
        const reviewState = status === 200 ? /"reviewState":"(\w+)"/.exec(body)?.[1] : undefined
        if (reviewState) state.set(id, reviewState)
      },
    },
  ]
  return {
    requests: requestsFor(articles[0]!),
    setupClient: (client) =>
      client.setRequests(requestsFor(articles[clients++ % articles.length]!)),
    // The warm-up may have stopped between a transition and its answer.
    beforeMeasure: async () => {
      for (const id of articles) state.set(id, await reviewStateOf(id))
    },
    notes:
      articles.length < connections
        ? [
            `only ${articles.length} drafts for ${connections} connections: transitions may race (409)`,
          ]
        : [],
  }
}
