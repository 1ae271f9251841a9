import { stateLabel } from './labels'
import { ACTIONS, type Action, isAction, type ReviewState } from './states'
import { TRANSITIONS } from './transitions'

export type Id = string | number

export type Actor = { id: Id; roles: readonly string[] }

/** What the workflow needs to know about an article (its latest version). */
export type ArticleFacts = {
  state: ReviewState
  authorUserIds: readonly Id[]
  submittedBy?: Id | null
  editedSinceSubmit?: readonly Id[]
  /** What the content still lacks (see submitProblems); refuses submit, approve, schedule, publish. */
  missing?: readonly string[]
  /** The published version is live, whatever a newer revision's state. */
  live?: boolean
}

export type ActionRequest = { action: unknown; note?: unknown; publishAt?: unknown; now: Date }

export type Decision =
  | {
      ok: true
      action: Action
      from: ReviewState
      to: ReviewState
      note?: string
      publishAt?: string
    }
  | {
      ok: false
      status: 400 | 403 | 409
      message: string
      /** The refusal worded for the person it refuses (the panel shows it beside the buttons). */
      reason?: string
      fourEyes?: boolean
    }

export const NOTE_MAX = 2000

const same = (a: Id | null | undefined, b: Id | null | undefined) =>
  a !== null && a !== undefined && String(a) === String(b)
const list = (items: readonly string[], word = 'or') =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`
const quoted = (items: readonly string[]) => items.map((item) => `"${item}"`)
const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`

/**
 * The steps towards going live that the submission guards hold for: content edited during review
 * (an editor may empty a quote's source) must not be approved, scheduled or published as it is.
 */
const GUARDED: readonly Action[] = ['submit', 'approve', 'schedule', 'publish']

const HINTS: Partial<Record<Action, string>> = {
  publish: 'it must be approved by a publisher first',
  schedule: 'it must be approved by a publisher first',
  approve: 'it must be submitted for review first',
  unpublish: 'only a published article can be unpublished',
}

/**
 * Decides whether `actor` may take `request.action` on an article in the state `facts` describe.
 * Checks in order: a known action (400), the actor's role (403), the article's state (409), the
 * four-eyes rule (403), the submission guards and the action's input (400).
 */
export function decide(facts: ArticleFacts, actor: Actor, request: ActionRequest): Decision {
  if (!isAction(request.action)) {
    return {
      ok: false,
      status: 400,
      message: `Unknown action ${JSON.stringify(request.action ?? null)}; use one of: ${ACTIONS.join(', ')}.`,
    }
  }
  const action = request.action
  const rule = TRANSITIONS[action]
  const verb = action.replace('_', ' ')

  const byRole = rule.roles.some((role) => actor.roles.includes(role))
  const byRelation =
    (rule.alsoAllowed === 'authors' && facts.authorUserIds.some((id) => same(id, actor.id))) ||
    (rule.alsoAllowed === 'submitter' && same(facts.submittedBy, actor.id))
  if (!byRole && !byRelation) {
    const others =
      rule.alsoAllowed === 'authors'
        ? ['an author of the article']
        : rule.alsoAllowed === 'submitter'
          ? ['whoever submitted it']
          : []
    return {
      ok: false,
      status: 403,
      message: `Cannot ${verb}: it needs ${list([...others, `the ${list(rule.roles)} role`])}.`,
      reason: `Only ${list([...others, withArticle(list(rule.roles))])} can ${verb}.`,
    }
  }

  // A live article can be taken down even while a newer revision of it is in review.
  const state = action === 'unpublish' && facts.live ? 'published' : facts.state
  if (!rule.from.includes(state)) {
    const hint = HINTS[action] ? `; ${HINTS[action]}` : ''
    return {
      ok: false,
      status: 409,
      message: `Cannot ${verb}: article is "${state}"; ${action} needs ${list(quoted(rule.from))}${hint}.`,
      reason: `Its review state is “${stateLabel(state)}”${hint}.`,
    }
  }

  if (rule.fourEyes) {
    const why = facts.authorUserIds.some((id) => same(id, actor.id))
      ? { api: 'you are an author of this article', reader: 'You are an author of this article' }
      : same(facts.submittedBy, actor.id)
        ? { api: 'you submitted it', reader: 'You submitted this' }
        : (facts.editedSinceSubmit ?? []).some((id) => same(id, actor.id))
          ? {
              api: 'you changed its content since it was submitted',
              reader: 'You edited it after it was submitted',
            }
          : undefined
    if (why) {
      return {
        ok: false,
        status: 403,
        fourEyes: true,
        message: `Cannot approve: ${why.api}; another publisher must approve it (four-eyes rule).`,
        reason: `${why.reader}; another publisher must approve it.`,
      }
    }
  }

  if (GUARDED.includes(action) && facts.missing?.length) {
    return {
      ok: false,
      status: 400,
      message: `Cannot ${verb}: ${list([...facts.missing], 'and')}.`,
    }
  }

  const note = typeof request.note === 'string' ? request.note.trim() : undefined
  if (request.note !== undefined && request.note !== null && typeof request.note !== 'string') {
    return { ok: false, status: 400, message: 'note must be a string.' }
  }
  if (note && note.length > NOTE_MAX) {
    return {
      ok: false,
      status: 400,
      message: `note is ${note.length} characters; at most ${NOTE_MAX} are allowed.`,
    }
  }
  if (rule.needs === 'note' && !note) {
    return {
      ok: false,
      status: 400,
      message: `Cannot ${verb}: a note saying what to change is required.`,
    }
  }

  let publishAt: string | undefined
  if (rule.needs === 'publishAt') {
    const parsed = parsePublishAt(request.publishAt, request.now)
    if ('error' in parsed)
      return { ok: false, status: 400, message: `Cannot schedule: ${parsed.error}` }
    publishAt = parsed.iso
  }

  return {
    ok: true,
    action,
    from: state,
    to: rule.to,
    ...(note ? { note } : {}),
    ...(publishAt ? { publishAt } : {}),
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

function parsePublishAt(value: unknown, now: Date): { iso: string } | { error: string } {
  if (value === undefined || value === null || value === '') {
    return {
      error:
        'publishAt is required: an ISO 8601 date-time with a time zone, e.g. "2030-01-31T09:00:00Z".',
    }
  }
  const date =
    typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : new Date(NaN)
  if (Number.isNaN(date.getTime())) {
    return {
      error: `publishAt ${JSON.stringify(value)} is not an ISO 8601 date-time with a time zone, e.g. "2030-01-31T09:00:00Z".`,
    }
  }
  if (date.getTime() <= now.getTime()) {
    return {
      error: `publishAt ${date.toISOString()} is not in the future (now is ${now.toISOString()}).`,
    }
  }
  return { iso: date.toISOString() }
}

/** A request carrying every input, so that only who, when and what state decide. */
const probeRequest = (now: Date) => ({
  note: 'probe',
  publishAt: new Date(now.getTime() + 60_000).toISOString(),
  now,
})

/** The actions `actor` may take now (the buttons a UI shows); input such as a note is not needed. */
export function allowedActions(facts: ArticleFacts, actor: Actor, now = new Date()): Action[] {
  const probe = probeRequest(now)
  return ACTIONS.filter((action) => {
    const decision = decide({ ...facts, missing: [] }, actor, { ...probe, action })
    return decision.ok
  })
}

export type UnavailableAction = { action: Action; reason: string }

/** The actions the article's state calls for (unpublish too while a published version is live). */
export const actionsInState = (facts: ArticleFacts): Action[] =>
  ACTIONS.filter(
    (action) =>
      TRANSITIONS[action].from.includes(facts.state) || (action === 'unpublish' && facts.live),
  )

/**
 * The actions the article's state calls for that `actor` may not take now, each with the reason
 * worded for them ("You submitted this; another publisher must approve it."). Actions the state
 * rules out are left out: a draft's panel does not explain why it cannot be published.
 */
export function unavailableActions(
  facts: ArticleFacts,
  actor: Actor,
  now = new Date(),
): UnavailableAction[] {
  const probe = probeRequest(now)
  return actionsInState(facts).flatMap((action) => {
    const decision = decide({ ...facts, missing: [] }, actor, { ...probe, action })
    return decision.ok ? [] : [{ action, reason: decision.reason ?? decision.message }]
  })
}
