import { randomUUID } from 'node:crypto'

import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { isStaff } from '../access/roles'
import { ARTICLES, AUTHORS, SOURCES } from '../collections/slugs'
import { previewTtlSeconds } from '../env'
import { WORKFLOW_FIELD_NAMES } from '../fields/workflowFields'
import { idOf } from '../lib/ids'
import { refuse } from '../lib/refuse'
import type { Article } from '../payload-types'
import { previewKey, signPreviewToken, verifyPreviewToken } from '../services/preview/token'
import { transitionContext } from '../services/workflow/context'
import { loadArticle } from '../services/workflow/facts'
import { inTransaction } from '../db/transaction'

const NO_STORE = 'private, no-store'

/** The article's preview nonce, set now if it has none yet (the latest draft keeps everything else). */
async function previewNonceOf(req: PayloadRequest, id: Article['id']): Promise<string> {
  return inTransaction(req, async () => {
    const latest = await req.payload.findByID({
      collection: ARTICLES,
      id,
      draft: true,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (latest.previewNonce) return latest.previewNonce
    const previewNonce = randomUUID()
    await req.payload.update({
      collection: ARTICLES,
      id,
      data: { previewNonce },
      draft: true,
      depth: 0,
      // previewNonce is a workflow field: only a save bearing the workflow's mark may write it.
      context: transitionContext(),
      overrideAccess: true,
      req,
    })
    return previewNonce
  })
}

/** POST /api/articles/:id/preview-link → {"url", "expiresAt"}: a link to the latest draft that needs no login. */
export const postPreviewLink: Endpoint = {
  path: '/:id/preview-link',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    if (!user) throw refuse(401, 'Log in to get a preview link.')
    const { article, facts } = await loadArticle(req, String(req.routeParams?.id ?? ''))
    if (!isStaff(user) && !facts.authorUserIds.some((id) => String(id) === String(user.id))) {
      throw refuse(
        403,
        "Cannot get a preview link: only the article's authors, editors, publishers and admins can.",
      )
    }
    const nonce = await previewNonceOf(req, article.id)
    const exp = Math.floor(Date.now() / 1000) + previewTtlSeconds()
    const token = signPreviewToken({ a: article.id, n: nonce, exp }, previewKey(req.payload.secret))
    const base = (req.payload.config.serverURL ?? '').replace(/\/+$/, '')
    return Response.json(
      { url: `${base}/api/preview/${token}`, expiresAt: new Date(exp * 1000).toISOString() },
      { headers: { 'Cache-Control': NO_STORE } },
    )
  },
}

/**
 * Related documents as the public reads them (access and field access applied), in the article's
 * order. No `req`: a signed-in previewer's rights must not widen what a link shows.
 */
async function publicDocs(
  req: PayloadRequest,
  collection: CollectionSlug,
  values: unknown[] | null | undefined,
) {
  const ids = (values ?? []).map(idOf).filter((id) => id !== undefined)
  if (!ids.length) return []
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    overrideAccess: false,
  })
  return ids.map((id) => docs.find((doc) => String(doc.id) === String(id))).filter(Boolean)
}

/** The draft without workflow internals (the preview nonce included); authors and sources as the public sees them. */
async function previewOf(req: PayloadRequest, article: Article) {
  const view: Record<string, unknown> = Object.fromEntries(
    Object.entries(article).filter(([name]) => !WORKFLOW_FIELD_NAMES.includes(name)),
  )
  view.authors = await publicDocs(req, AUTHORS, article.authors)
  view.sources = await publicDocs(req, SOURCES, article.sources)
  return view
}

/** GET /api/preview/:token → the article's latest draft. The token is the credential; no login. */
export const getPreview: Endpoint = {
  path: '/preview/:token',
  method: 'get',
  handler: async (req) => {
    const verdict = verifyPreviewToken(
      String(req.routeParams?.token ?? ''),
      previewKey(req.payload.secret),
    )
    if (!verdict.ok && verdict.reason === 'expired') {
      throw refuse(
        401,
        `This preview link expired at ${new Date(verdict.claims.exp * 1000).toISOString()}; ask for a new one.`,
      )
    }
    if (!verdict.ok)
      throw refuse(401, 'This preview link is invalid: it is malformed or has been altered.')
    const { a: id, n: nonce } = verdict.claims
    const article = await req.payload
      .findByID({
        collection: ARTICLES,
        id,
        draft: true,
        depth: 1,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
      .catch(() => null)
    if (!article) throw refuse(401, 'This preview link was revoked: the article no longer exists.')
    if (article.previewNonce !== nonce) {
      throw refuse(
        401,
        'This preview link was revoked: the article has been published since the link was issued; ask for a new one.',
      )
    }
    return Response.json(await previewOf(req, article), { headers: { 'Cache-Control': NO_STORE } })
  },
}
