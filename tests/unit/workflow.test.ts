import { describe, expect, it } from 'vitest'

import {
  ACTIONS,
  type Action,
  type ActionRequest,
  type Actor,
  actionsInState,
  allowedActions,
  type ArticleFacts,
  contentHash,
  type Decision,
  decide,
  NOTE_MAX,
  REVIEW_STATES,
  type ReviewState,
  quoteGaps,
  quoteGapsNotice,
  submitProblems,
  unavailableActions,
} from '../../src/workflow'
import { richText } from '../../src/lib/richText'

/*
 * The spec table from the product issue, written out independently of TRANSITIONS so that a
 * mistake in the implementation's table makes these tests fail.
 */
type Who = 'admin' | 'publisher' | 'editor' | 'contributor-author' | 'contributor-other'

const SPEC_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const
const SPEC_ACTIONS = [
  'submit',
  'withdraw',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unschedule',
  'unpublish',
] as const

type SpecRow = {
  from: readonly ReviewState[]
  to: ReviewState
  who: readonly Who[]
  roles: readonly string[]
}

const STAFF = ['editor', 'publisher', 'admin'] as const
const PUBLISHERS = ['publisher', 'admin'] as const

const SPEC: Record<Action, SpecRow> = {
  // "an author of the article (any role incl. contributor), editor, publisher, admin"
  submit: {
    from: ['draft', 'changes_requested', 'unpublished'],
    to: 'in_review',
    who: ['contributor-author', ...STAFF],
    roles: STAFF,
  },
  // "whoever submitted it, editor, publisher, admin" (no actor of the exhaustive table submitted it)
  withdraw: { from: ['in_review'], to: 'draft', who: STAFF, roles: STAFF },
  request_changes: {
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    who: STAFF,
    roles: STAFF,
  },
  approve: { from: ['in_review'], to: 'approved', who: PUBLISHERS, roles: PUBLISHERS },
  publish: { from: ['approved'], to: 'published', who: PUBLISHERS, roles: PUBLISHERS },
  schedule: { from: ['approved'], to: 'scheduled', who: PUBLISHERS, roles: PUBLISHERS },
  unschedule: { from: ['scheduled'], to: 'approved', who: PUBLISHERS, roles: PUBLISHERS },
  unpublish: { from: ['published'], to: 'unpublished', who: PUBLISHERS, roles: PUBLISHERS },
}

const NOW = new Date('2026-01-15T12:00:00.000Z')
const FUTURE = '2026-02-01T09:00:00Z'
const NOTE = 'Please source the second quote.'

const AUTHOR_ID = 'u-author'
const SUBMITTER_ID = 'u-submitter'
const EDITED_SINCE_ID = 'u-edited-since'

const ACTORS: Record<Who, Actor> = {
  admin: { id: 'u-admin', roles: ['admin'] },
  publisher: { id: 'u-publisher', roles: ['publisher'] },
  editor: { id: 'u-editor', roles: ['editor'] },
  'contributor-author': { id: AUTHOR_ID, roles: ['contributor'] },
  'contributor-other': { id: 'u-contributor', roles: ['contributor'] },
}

const facts = (state: ReviewState, overrides: Partial<ArticleFacts> = {}): ArticleFacts => ({
  state,
  authorUserIds: [AUTHOR_ID],
  submittedBy: SUBMITTER_ID,
  editedSinceSubmit: [EDITED_SINCE_ID],
  missing: [],
  ...overrides,
})

const request = (action: unknown, overrides: Partial<ActionRequest> = {}): ActionRequest => ({
  action,
  note: NOTE,
  publishAt: FUTURE,
  now: NOW,
  ...overrides,
})

function expectOk(decision: Decision): Extract<Decision, { ok: true }> {
  expect(decision, JSON.stringify(decision)).toMatchObject({ ok: true })
  return decision as Extract<Decision, { ok: true }>
}

function expectRefused(
  decision: Decision,
  status: 400 | 403 | 409,
): Extract<Decision, { ok: false }> {
  expect(decision, JSON.stringify(decision)).toMatchObject({ ok: false, status })
  return decision as Extract<Decision, { ok: false }>
}

describe('the workflow module', () => {
  it('knows exactly the seven review states of the spec', () => {
    expect([...REVIEW_STATES].sort()).toEqual([...SPEC_STATES].sort())
  })

  it('knows exactly the eight actions of the spec', () => {
    expect([...ACTIONS].sort()).toEqual([...SPEC_ACTIONS].sort())
  })
})

describe('decide() on every state × action × role', () => {
  type Expected = { ok: true; to: ReviewState } | { ok: false; status: 403 | 409 }

  const cases = REVIEW_STATES.flatMap((state) =>
    ACTIONS.flatMap((action) =>
      (Object.keys(ACTORS) as Who[]).map((who) => {
        const row = SPEC[action]
        // The spec's check order: role first (403), then state (409).
        const expected: Expected = !row.who.includes(who)
          ? { ok: false, status: 403 }
          : !row.from.includes(state)
            ? { ok: false, status: 409 }
            : { ok: true, to: row.to }
        const outcome = expected.ok
          ? `may ${action} it, moving it to ${expected.to}`
          : `is refused ${action} with ${expected.status}`
        return { state, action, who, expected, title: `a ${who} on a ${state} article ${outcome}` }
      }),
    ),
  )

  it('covers all 280 combinations', () => {
    expect(cases).toHaveLength(7 * 8 * 5)
  })

  it.each(cases)('$title', ({ state, action, who, expected }) => {
    const decision = decide(facts(state), ACTORS[who], request(action))
    if (expected.ok) {
      const ok = expectOk(decision)
      expect(ok.action).toBe(action)
      expect(ok.from).toBe(state)
      expect(ok.to).toBe(expected.to)
      if (action === 'schedule') expect(ok.publishAt).toBe(new Date(FUTURE).toISOString())
      return
    }
    const refused = expectRefused(decision, expected.status)
    expect(refused.fourEyes).not.toBe(true)
    if (expected.status === 403) {
      // The message names the role(s) needed.
      for (const role of SPEC[action].roles) expect(refused.message).toContain(role)
    } else {
      expect(refused.message).toContain(`"${state}"`)
      for (const needed of SPEC[action].from) expect(refused.message).toContain(needed)
    }
  })
})

describe('the four-eyes rule on approve', () => {
  const publisher = ACTORS.publisher
  const admin = ACTORS.admin

  it.each([
    {
      title: 'a publisher who is an author of the article',
      actor: publisher,
      overrides: { authorUserIds: [publisher.id] },
    },
    {
      title: 'an admin who is an author of the article',
      actor: admin,
      overrides: { authorUserIds: ['someone', admin.id] },
    },
    {
      title: 'an admin who submitted the article',
      actor: admin,
      overrides: { submittedBy: admin.id },
    },
    {
      title: 'a publisher who submitted the article',
      actor: publisher,
      overrides: { submittedBy: publisher.id },
    },
    {
      title: 'a publisher who changed its content since it was submitted',
      actor: publisher,
      overrides: { editedSinceSubmit: [publisher.id] },
    },
    {
      title: 'an admin who changed its content since it was submitted',
      actor: admin,
      overrides: { editedSinceSubmit: ['x', admin.id] },
    },
  ])('refuses $title with 403 and fourEyes', ({ actor, overrides }) => {
    const refused = expectRefused(
      decide(facts('in_review', overrides), actor, request('approve')),
      403,
    )
    expect(refused.fourEyes).toBe(true)
    expect(refused.message).toContain('four-eyes')
  })

  it('refuses a publisher whose numeric user id matches a string author id', () => {
    const actor: Actor = { id: 7, roles: ['publisher'] }
    const refused = expectRefused(
      decide(facts('in_review', { authorUserIds: ['7'] }), actor, request('approve')),
      403,
    )
    expect(refused.fourEyes).toBe(true)
  })

  it('lets another publisher, uninvolved in the article, approve it', () => {
    const other: Actor = { id: 'u-other-publisher', roles: ['publisher'] }
    const ok = expectOk(
      decide(
        facts('in_review', {
          authorUserIds: [publisher.id],
          submittedBy: publisher.id,
          editedSinceSubmit: [publisher.id],
        }),
        other,
        request('approve'),
      ),
    )
    expect(ok.to).toBe('approved')
  })

  it('checks the state before four-eyes, so an author approving a draft gets 409', () => {
    const refused = expectRefused(
      decide(facts('draft', { authorUserIds: [publisher.id] }), publisher, request('approve')),
      409,
    )
    expect(refused.fourEyes).not.toBe(true)
  })

  it('checks the role before four-eyes, so an author contributor approving gets a plain 403', () => {
    const refused = expectRefused(
      decide(facts('in_review'), ACTORS['contributor-author'], request('approve')),
      403,
    )
    expect(refused.fourEyes).not.toBe(true)
    expect(refused.message).toContain('publisher')
  })
})

describe('withdraw by contributors', () => {
  it('lets the contributor who submitted the article withdraw it', () => {
    const submitter: Actor = { id: SUBMITTER_ID, roles: ['contributor'] }
    const ok = expectOk(decide(facts('in_review'), submitter, request('withdraw')))
    expect(ok.to).toBe('draft')
  })

  it('refuses a contributor who did not submit the article with 403', () => {
    const refused = expectRefused(
      decide(facts('in_review'), ACTORS['contributor-other'], request('withdraw')),
      403,
    )
    expect(refused.message).toContain('editor')
  })

  it('refuses a contributor who is an author but not the submitter with 403', () => {
    expectRefused(
      decide(facts('in_review'), ACTORS['contributor-author'], request('withdraw')),
      403,
    )
  })
})

describe('input validation', () => {
  it.each([
    { action: 'delete' },
    { action: undefined },
    { action: 42 },
    { action: null },
    { action: 'Submit' },
  ])('refuses the unknown action $action with 400 listing the actions', ({ action }) => {
    const refused = expectRefused(decide(facts('draft'), ACTORS.admin, request(action)), 400)
    for (const known of SPEC_ACTIONS) expect(refused.message).toContain(known)
  })

  it.each([
    { title: 'without a note', note: undefined },
    { title: 'with a null note', note: null },
    { title: 'with an empty note', note: '' },
    { title: 'with a whitespace-only note', note: '  \n\t ' },
  ])('refuses request_changes $title with 400', ({ note }) => {
    const refused = expectRefused(
      decide(facts('in_review'), ACTORS.editor, request('request_changes', { note })),
      400,
    )
    expect(refused.message).toMatch(/note/i)
  })

  it('refuses a note longer than NOTE_MAX with 400', () => {
    const refused = expectRefused(
      decide(
        facts('in_review'),
        ACTORS.editor,
        request('request_changes', { note: 'x'.repeat(NOTE_MAX + 1) }),
      ),
      400,
    )
    expect(refused.message).toContain(String(NOTE_MAX))
  })

  it('accepts a note of exactly NOTE_MAX characters', () => {
    const ok = expectOk(
      decide(
        facts('in_review'),
        ACTORS.editor,
        request('request_changes', { note: 'x'.repeat(NOTE_MAX) }),
      ),
    )
    expect(ok.note).toHaveLength(NOTE_MAX)
  })

  it('returns the note with a successful request_changes', () => {
    const ok = expectOk(
      decide(
        facts('approved'),
        ACTORS.publisher,
        request('request_changes', { note: 'Check the figures.' }),
      ),
    )
    expect(ok.note).toBe('Check the figures.')
    expect(ok.to).toBe('changes_requested')
  })

  it.each([
    { title: 'a missing publishAt', publishAt: undefined },
    { title: 'an empty publishAt', publishAt: '' },
    { title: 'the word "tomorrow"', publishAt: 'tomorrow' },
    { title: 'a date without a time', publishAt: '2030-01-01' },
    { title: 'a date-time without a time zone', publishAt: '2030-01-01T09:00:00' },
    { title: 'a number', publishAt: 12345 },
    { title: 'a Date object', publishAt: new Date('2030-01-01T09:00:00Z') },
    { title: 'a past date-time', publishAt: '2020-01-01T09:00:00Z' },
    { title: 'the present instant', publishAt: NOW.toISOString() },
  ])('refuses to schedule with $title (400)', ({ publishAt }) => {
    const refused = expectRefused(
      decide(facts('approved'), ACTORS.publisher, request('schedule', { publishAt })),
      400,
    )
    expect(refused.message).toMatch(/publishAt/)
  })

  it.each([
    { input: '2030-01-31T09:00:00Z', iso: '2030-01-31T09:00:00.000Z' },
    { input: '2030-01-31T09:00Z', iso: '2030-01-31T09:00:00.000Z' },
    { input: '2030-01-31T09:00:00.5Z', iso: '2030-01-31T09:00:00.500Z' },
    { input: '2030-01-31T11:00:00+02:00', iso: '2030-01-31T09:00:00.000Z' },
  ])('schedules for the future date-time $input and normalises it to $iso', ({ input, iso }) => {
    const ok = expectOk(
      decide(facts('approved'), ACTORS.publisher, request('schedule', { publishAt: input })),
    )
    expect(ok.to).toBe('scheduled')
    expect(ok.publishAt).toBe(iso)
  })

  it('checks the role before the input, so a contributor scheduling in the past gets 403', () => {
    expectRefused(
      decide(
        facts('approved'),
        ACTORS['contributor-other'],
        request('schedule', { publishAt: '2020-01-01T00:00:00Z' }),
      ),
      403,
    )
  })

  it('checks the state before the input, so request_changes without a note on a draft gets 409', () => {
    expectRefused(
      decide(facts('draft'), ACTORS.editor, request('request_changes', { note: undefined })),
      409,
    )
  })
})

describe('409 messages', () => {
  it.each([
    { action: 'publish', state: 'draft', needed: ['approved'] },
    { action: 'approve', state: 'published', needed: ['in_review'] },
    { action: 'submit', state: 'in_review', needed: ['draft', 'changes_requested', 'unpublished'] },
    { action: 'request_changes', state: 'scheduled', needed: ['in_review', 'approved'] },
    { action: 'unschedule', state: 'approved', needed: ['scheduled'] },
  ] as const)(
    'a $action on a $state article names "$state" and the states it needs',
    ({ action, state, needed }) => {
      const refused = expectRefused(decide(facts(state), ACTORS.admin, request(action)), 409)
      expect(refused.message).toContain(`"${state}"`)
      for (const s of needed) expect(refused.message).toContain(s)
    },
  )
})

describe('submission guards', () => {
  it('refuses to submit with 400 listing what is missing', () => {
    const missing = ['the title is missing', 'Quote block 2 names no source']
    const refused = expectRefused(
      decide(facts('draft', { missing }), ACTORS['contributor-author'], request('submit')),
      400,
    )
    for (const problem of missing) expect(refused.message).toContain(problem)
  })

  it('checks the state before the guards, so an incomplete in_review article gets 409', () => {
    expectRefused(
      decide(
        facts('in_review', { missing: ['the title is missing'] }),
        ACTORS.editor,
        request('submit'),
      ),
      409,
    )
  })

  it('lists title, slug, standfirst, author and body for an empty article', () => {
    const problems = submitProblems({})
    expect(problems).toHaveLength(5)
    for (const word of [/title/, /slug/, /standfirst/, /author/, /body/]) {
      expect(
        problems.some((problem) => word.test(problem)),
        `${word} in ${JSON.stringify(problems)}`,
      ).toBe(true)
    }
  })

  const complete = { title: 'Budget', slug: 'budget', dek: 'What it means', authors: [1] }

  it('finds nothing to complain about in a complete article', () => {
    expect(
      submitProblems({ ...complete, body: richText('para', { quote: 'x', source: 5 }) }),
    ).toEqual([])
  })

  it('treats whitespace-only text fields as missing', () => {
    const problems = submitProblems({ ...complete, title: '  ', body: richText('para') })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/title/)
  })

  it('reports a quote block whose source is empty', () => {
    expect(
      submitProblems({ ...complete, body: richText('para', { quote: 'x', source: '' }) }),
    ).toContain('Quote block 1 names no source')
  })

  it('numbers quote blocks among quote blocks, not among all paragraphs', () => {
    const problems = submitProblems({
      ...complete,
      body: richText('para', { quote: 'a', source: 5 }, 'more', { quote: 'b', source: '' }),
    })
    expect(problems).toEqual(['Quote block 2 names no source'])
  })

  it('names every Quote block without a source in one item, in body order', () => {
    const problems = submitProblems({
      ...complete,
      body: richText(
        'para',
        { quote: 'a', source: '' },
        { quote: 'b', source: 5 },
        { quote: 'c', source: '' },
        { quote: 'd', source: '' },
      ),
    })
    expect(problems).toEqual(['Quote blocks 1, 3 and 4 name no source'])
  })

  it('reports a Quote block with no quoted text, apart from its source', () => {
    const problems = submitProblems({
      ...complete,
      body: richText('para', { quote: ' ', source: 5 }, { quote: '', source: '' }),
    })
    expect(problems).toEqual([
      'Quote blocks 1 and 2 have no quoted text',
      'Quote block 2 names no source',
    ])
  })

  it.each(['approve', 'schedule', 'publish'] as const)(
    'refuses to %s content that lost what submission needs (a quote emptied during review)',
    (action) => {
      const state = action === 'approve' ? 'in_review' : 'approved'
      const refused = expectRefused(
        decide(
          facts(state, { missing: ['Quote block 3 names no source'] }),
          ACTORS.publisher,
          request(action),
        ),
        400,
      )
      expect(refused.message).toBe(`Cannot ${action}: Quote block 3 names no source.`)
    },
  )

  it.each(['withdraw', 'request_changes', 'unpublish'] as const)(
    'lets %s through whatever the content lacks (it takes nothing towards the public)',
    (action) => {
      const state = action === 'unpublish' ? 'published' : 'in_review'
      const decision = decide(
        facts(state, { missing: ['Quote block 1 names no source'] }),
        ACTORS.publisher,
        request(action),
      )
      expect(decision.ok).toBe(true)
    },
  )
})

describe('the Quote block notice', () => {
  it.each([
    [{ text: 'Words.', source: 4 }, undefined],
    [{ text: 'Words.', source: null }, 'Needs a source before the article can be submitted'],
    [{ text: '', source: 4 }, 'Needs the quoted text before the article can be submitted'],
    [{}, 'Needs the quoted text and a source before the article can be submitted'],
  ])('for %j says %j', (quote, notice) => {
    expect(quoteGapsNotice(quoteGaps(quote))).toBe(notice)
  })
})

describe('allowedActions()', () => {
  const publisher = ACTORS.publisher

  it.each([
    {
      title:
        'a publisher on an in_review article by someone else may withdraw, request changes and approve',
      f: facts('in_review'),
      actor: publisher,
      expected: ['withdraw', 'request_changes', 'approve'],
    },
    {
      title: 'a publisher who is an author of an in_review article may not approve it',
      f: facts('in_review', { authorUserIds: [publisher.id] }),
      actor: publisher,
      expected: ['withdraw', 'request_changes'],
    },
    {
      title: 'an admin who submitted an in_review article may not approve it',
      f: facts('in_review', { submittedBy: ACTORS.admin.id }),
      actor: ACTORS.admin,
      expected: ['withdraw', 'request_changes'],
    },
    {
      title: 'an editor on an in_review article may withdraw and request changes',
      f: facts('in_review'),
      actor: ACTORS.editor,
      expected: ['withdraw', 'request_changes'],
    },
    {
      title: 'a contributor author on a draft may only submit',
      f: facts('draft'),
      actor: ACTORS['contributor-author'],
      expected: ['submit'],
    },
    {
      title: 'a contributor who is not an author may do nothing on a draft',
      f: facts('draft'),
      actor: ACTORS['contributor-other'],
      expected: [],
    },
    {
      title: 'a contributor who submitted an in_review article may only withdraw it',
      f: facts('in_review', { submittedBy: ACTORS['contributor-other'].id }),
      actor: ACTORS['contributor-other'],
      expected: ['withdraw'],
    },
    {
      title: 'an admin on an approved article may request changes, publish or schedule',
      f: facts('approved'),
      actor: ACTORS.admin,
      expected: ['request_changes', 'publish', 'schedule'],
    },
    {
      title: 'a publisher on a scheduled article may only unschedule',
      f: facts('scheduled'),
      actor: publisher,
      expected: ['unschedule'],
    },
    {
      title: 'a publisher on a published article may only unpublish',
      f: facts('published'),
      actor: publisher,
      expected: ['unpublish'],
    },
    {
      title: 'an editor on an unpublished article may only resubmit it',
      f: facts('unpublished'),
      actor: ACTORS.editor,
      expected: ['submit'],
    },
  ])('$title', ({ f, actor, expected }) => {
    expect(allowedActions(f, actor, NOW)).toEqual(expected)
  })

  it.each(
    (['admin', 'publisher'] as const).flatMap((role) =>
      (['author', 'submitter', 'editor since submission'] as const).map((relation) => ({
        role,
        relation,
      })),
    ),
  )('never offers approve to a $role who is the $relation', ({ role, relation }) => {
    const actor = ACTORS[role]
    const overrides: Partial<ArticleFacts> =
      relation === 'author'
        ? { authorUserIds: [actor.id] }
        : relation === 'submitter'
          ? { submittedBy: actor.id }
          : { editedSinceSubmit: [actor.id] }
    expect(allowedActions(facts('in_review', overrides), actor, NOW)).not.toContain('approve')
  })
})

describe('unavailableActions()', () => {
  it.each([
    {
      title: 'tells a publisher who submitted the article that another publisher must approve it',
      f: facts('in_review', { submittedBy: ACTORS.publisher.id }),
      actor: ACTORS.publisher,
      expected: [
        { action: 'approve', reason: 'You submitted this; another publisher must approve it.' },
      ],
    },
    {
      title: 'tells a publisher who is an author that another publisher must approve it',
      f: facts('in_review', { authorUserIds: [ACTORS.publisher.id] }),
      actor: ACTORS.publisher,
      expected: [
        {
          action: 'approve',
          reason: 'You are an author of this article; another publisher must approve it.',
        },
      ],
    },
    {
      title:
        'tells an admin who edited it during the review that another publisher must approve it',
      f: facts('in_review', { editedSinceSubmit: [ACTORS.admin.id] }),
      actor: ACTORS.admin,
      expected: [
        {
          action: 'approve',
          reason: 'You edited it after it was submitted; another publisher must approve it.',
        },
      ],
    },
    {
      title: 'tells an editor that approving an article in review needs a publisher',
      f: facts('in_review'),
      actor: ACTORS.editor,
      expected: [{ action: 'approve', reason: 'Only a publisher or admin can approve.' }],
    },
    {
      title: 'tells an editor that publishing or scheduling an approved article needs a publisher',
      f: facts('approved'),
      actor: ACTORS.editor,
      expected: [
        { action: 'publish', reason: 'Only a publisher or admin can publish.' },
        { action: 'schedule', reason: 'Only a publisher or admin can schedule.' },
      ],
    },
    {
      title: 'tells a contributor who is not an author who may submit a draft',
      f: facts('draft'),
      actor: ACTORS['contributor-other'],
      expected: [
        {
          action: 'submit',
          reason: 'Only an author of the article or an editor, publisher or admin can submit.',
        },
      ],
    },
    {
      title: 'explains unpublish to an editor while a live article has a revision in review',
      f: facts('in_review', { live: true }),
      actor: ACTORS.editor,
      expected: [
        { action: 'approve', reason: 'Only a publisher or admin can approve.' },
        { action: 'unpublish', reason: 'Only a publisher or admin can unpublish.' },
      ],
    },
    {
      title: 'has nothing to explain to a publisher who may take every action the state calls for',
      f: facts('approved'),
      actor: ACTORS.publisher,
      expected: [],
    },
  ])('$title', ({ f, actor, expected }) => {
    expect(unavailableActions(f, actor, NOW)).toEqual(expected)
  })

  it.each(
    SPEC_STATES.flatMap((state) => (Object.keys(ACTORS) as Who[]).map((who) => ({ state, who }))),
  )(
    'in $state, for $who, explains exactly the actions the state calls for that are not allowed',
    ({ state, who }) => {
      const f = facts(state)
      const allowed = allowedActions(f, ACTORS[who], NOW)
      const explained = unavailableActions(f, ACTORS[who], NOW).map(({ action }) => action)
      const inState = SPEC_ACTIONS.filter((action) => SPEC[action].from.includes(state))
      expect(actionsInState(f)).toEqual(inState)
      expect([...allowed, ...explained].sort()).toEqual([...inState].sort())
      expect(explained.filter((action) => allowed.includes(action))).toEqual([])
    },
  )

  it("never words a reason with the API's quoted state names", () => {
    for (const state of SPEC_STATES)
      for (const actor of Object.values(ACTORS))
        for (const { reason } of unavailableActions(facts(state), actor, NOW))
          expect(reason).not.toMatch(/"|_|Cannot/)
  })
})

describe('contentHash()', () => {
  const body = richText('First paragraph.', { quote: 'No comment.', source: 7 })
  const base = {
    title: 'Budget 2026',
    dek: 'What it means for you',
    body,
    authors: [3, 4],
    sources: [7],
    heroImage: 11,
    tags: ['economy', 'budget'],
  }

  /** The same value with every object's keys in reverse order. */
  const reverseKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reverseKeys)
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reverseKeys(v)]),
      )
    }
    return value
  }

  it('is a SHA-256 hex digest', () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('is stable under key order, at the top level and inside the body', () => {
    const reordered = reverseKeys(base) as Record<string, unknown>
    expect(Object.keys(reordered)[0]).toBe('tags')
    expect(contentHash(reordered)).toBe(contentHash(base))
  })

  it('counts populated relations by id, so {id: 3} equals 3', () => {
    const populated = {
      ...base,
      authors: [
        { id: 3, name: 'Ana' },
        { id: 4, name: 'Ben' },
      ],
      sources: [{ id: 7, name: 'Treasury' }],
      heroImage: { id: 11, url: '/media/x.jpg' },
    }
    expect(contentHash(populated)).toBe(contentHash(base))
  })

  it('counts ids alike whether numbers or strings', () => {
    expect(contentHash({ ...base, authors: ['3', '4'], heroImage: '11' })).toBe(contentHash(base))
  })

  it('ignores fields outside the review such as updatedAt', () => {
    expect(contentHash({ ...base, updatedAt: '2026-01-01T00:00:00Z', _status: 'draft' })).toBe(
      contentHash(base),
    )
  })

  it.each([
    { field: 'title', value: 'Budget 2027' },
    { field: 'dek', value: 'Something else' },
    { field: 'body', value: richText('First paragraph!', { quote: 'No comment.', source: 7 }) },
    { field: 'body', value: richText('First paragraph.', { quote: 'No comment.', source: 8 }) },
    { field: 'authors', value: [3] },
    { field: 'authors', value: [{ id: 3 }, { id: 5 }] },
    { field: 'sources', value: [7, 8] },
    { field: 'tags', value: ['economy'] },
    { field: 'tags', value: ['budget', 'economy'] },
    { field: 'heroImage', value: 12 },
    { field: 'heroImage', value: null },
  ])('changes when $field changes', ({ field, value }) => {
    expect(contentHash({ ...base, [field]: value })).not.toBe(contentHash(base))
  })
})
