import { describe, expect, it } from 'vitest'

import {
  type Actor,
  contributorMayEdit,
  decideEdit,
  type EditDecision,
  type EditFacts,
  editEvent,
  REVIEW_STATES,
  type ReviewState,
  restoredMessage,
} from '../../src/workflow'

/*
 * What a content edit (a save outside the workflow) does in each state, written out independently
 * of decideEdit so that a mistake in it makes these tests fail.
 */
type Spec = {
  /** Whether a contributor (an author without a staff role) may make the edit. */
  contributorMay: boolean
  to: ReviewState
  /** What happens to the list of who edited since the submission. */
  editors: 'untouched' | 'editor added' | 'emptied'
  /** Approval and schedule are cleared. */
  approvalCleared: boolean
  /** The submission is forgotten (a new revision of a live article starts from scratch). */
  submissionCleared: boolean
}

const SPEC: Record<ReviewState, Spec> = {
  draft: {
    contributorMay: true,
    to: 'draft',
    editors: 'untouched',
    approvalCleared: false,
    submissionCleared: false,
  },
  changes_requested: {
    contributorMay: true,
    to: 'changes_requested',
    editors: 'untouched',
    approvalCleared: false,
    submissionCleared: false,
  },
  in_review: {
    contributorMay: false,
    to: 'in_review',
    editors: 'editor added',
    approvalCleared: false,
    submissionCleared: false,
  },
  approved: {
    contributorMay: false,
    to: 'in_review',
    editors: 'editor added',
    approvalCleared: true,
    submissionCleared: false,
  },
  scheduled: {
    contributorMay: false,
    to: 'in_review',
    editors: 'editor added',
    approvalCleared: true,
    submissionCleared: false,
  },
  published: {
    contributorMay: false,
    to: 'draft',
    editors: 'emptied',
    approvalCleared: true,
    submissionCleared: true,
  },
  unpublished: {
    contributorMay: false,
    to: 'unpublished',
    editors: 'untouched',
    approvalCleared: false,
    submissionCleared: false,
  },
}

const EDITORS = {
  contributor: { id: 7, roles: ['contributor'] },
  editor: { id: 8, roles: ['editor'] },
  publisher: { id: 9, roles: ['publisher'] },
  admin: { id: 10, roles: ['admin'] },
  'the server': undefined,
} satisfies Record<string, Actor | undefined>
type Who = keyof typeof EDITORS

const EARLIER_EDITOR = 3
const CHANGED = ['title', 'body']

const facts = (state: ReviewState, overrides: Partial<EditFacts> = {}): EditFacts => ({
  state,
  changed: CHANGED,
  editedSinceSubmit: [EARLIER_EDITOR],
  ...overrides,
})

function expectAllowed(decision: EditDecision): Extract<EditDecision, { ok: true }> {
  expect(decision, JSON.stringify(decision)).toMatchObject({ ok: true })
  return decision as Extract<EditDecision, { ok: true }>
}

const cases = REVIEW_STATES.flatMap((state) =>
  (Object.keys(EDITORS) as Who[]).map((who) => {
    const refused = who === 'contributor' && !SPEC[state].contributorMay
    const outcome = refused ? 'is refused with 403' : `leaves it ${SPEC[state].to}`
    return { state, who, refused, title: `an edit by ${who} of a ${state} article ${outcome}` }
  }),
)

describe('decideEdit() on every state × editor', () => {
  it('covers all 35 combinations', () => {
    expect(cases).toHaveLength(7 * 5)
  })

  it.each(cases)('$title', ({ state, who, refused }) => {
    const editor = EDITORS[who]
    const decision = decideEdit(facts(state), editor)
    if (refused) {
      expect(decision).toEqual({
        ok: false,
        status: 403,
        message: `Cannot edit: article is "${state}"; contributors change an article only while it is "draft" or "changes_requested" (withdraw it, or ask an editor).`,
      })
      return
    }
    const spec = SPEC[state]
    const { set, effect } = expectAllowed(decision)
    expect(set.reviewState ?? state).toBe(spec.to)

    const expectedEditors = {
      untouched: undefined,
      'editor added': editor ? [EARLIER_EDITOR, editor.id] : [EARLIER_EDITOR],
      emptied: [],
    }[spec.editors]
    expect(set.editedSinceSubmit).toEqual(expectedEditors)

    const approval = {
      approvedBy: null,
      approvedAt: null,
      approvedHash: null,
      publishAt: null,
      scheduleError: null,
    }
    if (spec.approvalCleared) expect(set).toMatchObject(approval)
    else for (const field of Object.keys(approval)) expect(set).not.toHaveProperty(field)

    if (spec.submissionCleared) expect(set).toMatchObject({ submittedBy: null, submittedAt: null })
    else expect(set).not.toHaveProperty('submittedBy')

    // An effect exactly when the state moves, naming the changed fields.
    if (spec.to === state) expect(effect).toBeUndefined()
    else expect(effect).toEqual({ from: state, to: spec.to, fields: CHANGED })
  })
})

describe('decideEdit() on an edit that changes no reviewed field', () => {
  it.each(
    REVIEW_STATES.flatMap((state) =>
      (Object.keys(EDITORS) as Who[]).map((who) => ({ state, who })),
    ),
  )('changes nothing when $who saves a $state article unchanged', ({ state, who }) => {
    expect(decideEdit(facts(state, { changed: [] }), EDITORS[who])).toEqual({ ok: true, set: {} })
  })
})

describe('decideEdit() on who edited since the submission', () => {
  it.each([
    {
      title: 'lists an editor once when they edit again',
      before: [8],
      editor: EDITORS.editor,
      after: [8],
    },
    {
      title: 'adds the editor after the earlier ones',
      before: [3, 4],
      editor: EDITORS.editor,
      after: [3, 4, 8],
    },
    {
      title: 'adds nobody for an edit by the server',
      before: [3],
      editor: EDITORS['the server'],
      after: [3],
    },
    {
      title: 'starts the list with the first editor',
      before: [],
      editor: EDITORS.publisher,
      after: [9],
    },
  ])('$title', ({ before, editor, after }) => {
    for (const state of ['in_review', 'approved', 'scheduled'] as const) {
      const { set } = expectAllowed(decideEdit(facts(state, { editedSinceSubmit: before }), editor))
      expect(set.editedSinceSubmit).toEqual(after)
    }
  })
})

describe('editEvent()', () => {
  it.each([
    {
      from: 'approved',
      to: 'in_review',
      action: 'stale_approval_reset',
      note: 'Approval no longer applies: title, body changed after approval.',
    },
    {
      from: 'scheduled',
      to: 'in_review',
      action: 'stale_approval_reset',
      note: 'Approval no longer applies: title, body changed after approval; the schedule is cancelled.',
    },
    {
      from: 'published',
      to: 'draft',
      action: 'edited_live',
      note: 'New revision of the live article (title, body changed); the published version stays live until this one is published.',
    },
  ] as const)(
    'records a $from article edited back to $to as $action',
    ({ from, to, action, note }) => {
      expect(editEvent({ from, to, fields: CHANGED })).toEqual({ action, note })
    },
  )
})

describe('contributorMayEdit', () => {
  it.each(REVIEW_STATES)(
    'answers for %s as the edit rules do (the admin makes it read-only)',
    (state) => {
      expect(contributorMayEdit(state)).toBe(SPEC[state].contributorMay)
    },
  )
})

describe('restoredMessage', () => {
  it('says the live version stays live while the restored revision goes through review', () => {
    const message = restoredMessage({ from: 'published', to: 'draft', live: true })
    expect(message).toBe(
      'Version restored as a new draft revision. The article is "draft": submit it for review to publish it. The published version stays live until this revision is published.',
    )
  })

  it.each(['approved', 'scheduled'] as const)(
    'says an approval lapses when a %s article is restored',
    (from) => {
      const message = restoredMessage({ from, to: 'in_review', live: false })
      expect(message).toMatch(/The approval no longer applies/)
      expect(message).toMatch(/"in review"/)
      expect(message).not.toMatch(/stays live/)
    },
  )

  it('says an article in review stays in review', () => {
    expect(restoredMessage({ from: 'in_review', to: 'in_review', live: false })).toBe(
      'Version restored as a new draft revision. The article stays "in review".',
    )
  })
})
