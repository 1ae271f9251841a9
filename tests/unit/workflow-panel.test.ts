import { describe, expect, it } from 'vitest'

import {
  fieldProblems,
  REFUSED_REASON,
  saveStatusOf,
} from '../../src/components/workflowPanel/saveStatus'
import { schedulePickProblem } from '../../src/components/workflowPanel/schedulePick'

const labelOf = (path: string) => ({ title: 'Title', dek: 'Standfirst' })[path] ?? path
const TOO_LONG = 'This value must be shorter than the max length of 200 characters.'

describe('fieldProblems()', () => {
  it('names each invalid field with its label and message, in form order', () => {
    expect(
      fieldProblems(
        {
          title: { valid: false, errorMessage: TOO_LONG },
          slug: { valid: true },
          dek: { valid: false, errorMessage: 'This field is required.' },
        },
        labelOf,
      ),
    ).toEqual([`Title: ${TOO_LONG}`, 'Standfirst: This field is required.'])
  })

  it('ignores fields hidden by their condition and fields not validated yet', () => {
    expect(
      fieldProblems(
        { title: { valid: false, passesCondition: false, errorMessage: 'x' }, dek: {} },
        labelOf,
      ),
    ).toEqual([])
  })

  it('still names an invalid field that carries no message', () => {
    expect(fieldProblems({ title: { valid: false } }, labelOf)).toEqual([
      'Title: this value is not valid.',
    ])
  })
})

describe('saveStatusOf()', () => {
  const base = { modified: false, saving: false, problems: [], refused: false }

  it.each([
    { title: 'saved when nothing changed', input: base, expected: { kind: 'saved' } },
    {
      title: 'unsaved while an edit waits for autosave',
      input: { ...base, modified: true },
      expected: { kind: 'unsaved' },
    },
    {
      title: 'saving while a save is on its way',
      input: { ...base, modified: true, saving: true },
      expected: { kind: 'saving' },
    },
    {
      title: 'not saved, naming the field, while a field is invalid (even as autosave "saves")',
      input: { ...base, modified: true, saving: true, problems: [`Title: ${TOO_LONG}`] },
      expected: { kind: 'failed', reason: `Title: ${TOO_LONG}` },
    },
    {
      title: 'not saved when the server refused the last save without naming a field',
      input: { ...base, modified: true, refused: true },
      expected: { kind: 'failed', reason: REFUSED_REASON },
    },
    {
      title: 'saved once a refused edit was undone',
      input: { ...base, refused: true },
      expected: { kind: 'saved' },
    },
  ])('is $title', ({ input, expected }) => {
    expect(saveStatusOf(input)).toEqual(expected)
  })
})

describe('schedulePickProblem()', () => {
  const now = new Date('2026-12-02T09:00:00Z')

  it.each([
    { picked: null, expected: 'Pick a date and time to publish.' },
    { picked: new Date(NaN), expected: 'Pick a date and time to publish.' },
    { picked: new Date('2026-12-02T08:59:00Z'), expected: 'Pick a time in the future.' },
    { picked: now, expected: 'Pick a time in the future.' },
    { picked: new Date('2026-12-02T09:15:00Z'), expected: null },
  ])('says $expected for $picked', ({ picked, expected }) => {
    expect(schedulePickProblem(picked, now)).toBe(expected)
  })
})
