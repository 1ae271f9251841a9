import { describe, expect, it } from 'vitest'

import { formatAdminDate, formatAge } from '../../src/lib/dates'

const NOW = new Date('2026-12-02T12:00:00Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString()
const MIN = 60_000

describe('formatAdminDate()', () => {
  it('writes the admin format in the given time zone, and nothing for no date', () => {
    expect(formatAdminDate('2026-12-02T08:05:00Z', 'UTC')).toBe('2 Dec 2026, 08:05')
    expect(formatAdminDate('2026-12-02T08:05:00Z', 'Europe/Oslo')).toBe('2 Dec 2026, 09:05')
    expect(formatAdminDate(null)).toBe('')
    expect(formatAdminDate('not a date')).toBe('')
  })
})

describe('formatAge()', () => {
  it('says how long ago in minutes, hours and days, then gives the date', () => {
    expect(formatAge(ago(20_000), NOW)).toBe('just now')
    expect(formatAge(ago(MIN), NOW)).toBe('1 min ago')
    expect(formatAge(ago(59 * MIN), NOW)).toBe('59 min ago')
    expect(formatAge(ago(60 * MIN), NOW)).toBe('1 h ago')
    expect(formatAge(ago(23 * 60 * MIN + 59 * MIN), NOW)).toBe('23 h ago')
    expect(formatAge(ago(24 * 60 * MIN), NOW)).toBe('1 day ago')
    expect(formatAge(ago(7 * 24 * 60 * MIN), NOW)).toBe('7 days ago')
    expect(formatAge(ago(8 * 24 * 60 * MIN), NOW, 'UTC')).toBe('24 Nov 2026, 12:00')
  })

  it('gives nothing for no date or one it cannot read, and "just now" for a clock a little ahead', () => {
    expect(formatAge(undefined, NOW)).toBe('')
    expect(formatAge('yesterday', NOW)).toBe('')
    expect(formatAge(new Date(NOW.getTime() + 5_000), NOW)).toBe('just now')
  })
})
