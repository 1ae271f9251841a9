import type { Endpoint, PayloadRequest } from 'payload'

import { refuse } from '../lib/refuse'
import { allowedActions, unavailableActions } from '../workflow'
import { loadArticle } from '../services/workflow/facts'
import { historyOf } from '../services/workflow/history'
import { performTransition } from '../services/workflow/transition'

const idParam = (req: PayloadRequest) => String(req.routeParams?.id ?? '')

async function readJson(req: PayloadRequest): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = await req.json?.()
  } catch {
    throw refuse(
      400,
      'The body must be JSON: {"action": "submit" | "approve" | …, "note"?: "…", "publishAt"?: "ISO date-time"}.',
    )
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw refuse(400, 'The body must be a JSON object with an "action".')
  return body as Record<string, unknown>
}

/**
 * GET /api/articles/:id/workflow: the state (and whether a published version is live), the actions
 * the current user may take now, why the others the state calls for are not theirs, the scheduled
 * time, and the history.
 */
export const getArticleWorkflow: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw refuse(401, 'Log in to see the workflow of an article.')
    const { article, facts } = await loadArticle(req, idParam(req))
    const actor = { id: req.user.id, roles: req.user.roles ?? [] }
    return Response.json({
      id: article.id,
      reviewState: facts.state,
      live: Boolean(facts.live),
      allowedActions: allowedActions(facts, actor),
      unavailable: unavailableActions(facts, actor),
      publishAt: article.publishAt ?? null,
      scheduleError: article.scheduleError ?? null,
      history: await historyOf(req, article.id),
    })
  },
}

/** POST /api/articles/:id/workflow {"action", "note"?, "publishAt"?}. */
export const postArticleWorkflow: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw refuse(401, 'Log in to take workflow actions.')
    const body = await readJson(req)
    const result = await performTransition(req, {
      id: idParam(req),
      action: body.action,
      note: body.note,
      publishAt: body.publishAt,
    })
    return Response.json({ id: result.id, reviewState: result.reviewState, event: result.event })
  },
}
