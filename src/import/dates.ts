/** Dates as blogs write them, read as UTC (a copied date carries no time zone). */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?'
const MONTH = '([a-z]{3,9})\\.?'
const TIME = '(?:,?\\s+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?'

const MONTH_FIRST = new RegExp(
  `^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`,
  'i',
)
const DAY_FIRST = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${TIME}$`,
  'i',
)
const NUMERIC = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/

function utc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  meridiem?: string,
): string | undefined {
  let h = hour
  if (meridiem) {
    const pm = meridiem.toLowerCase().startsWith('p')
    if (h === 12) h = pm ? 12 : 0
    else if (pm) h += 12
  }
  const date = new Date(Date.UTC(year, month, day, h, minute, second))
  // Rejects 31 February and 25:00 rather than rolling them over.
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day || h > 23 || minute > 59)
    return undefined
  return date.toISOString()
}

const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase())

/**
 * "Friday, October 18, 2024", "18 October 2024 at 9:30 PM", "2024-10-18 16:30:00", ISO 8601 and
 * RFC 822 (with their own offsets) → an ISO string; undefined when it is not a date.
 */
export function parseLooseDate(raw: string | undefined): string | undefined {
  const text = raw?.trim().replace(/\s+/g, ' ')
  if (!text || text.startsWith('0000-00-00')) return undefined
  const numeric = NUMERIC.exec(text)
  if (numeric) {
    const [, y, m, d, hh, mm, ss] = numeric
    return utc(
      Number(y),
      Number(m) - 1,
      Number(d),
      Number(hh ?? 0),
      Number(mm ?? 0),
      Number(ss ?? 0),
    )
  }
  const monthFirst = MONTH_FIRST.exec(text)
  if (monthFirst) {
    const [, month, day, year, hh, mm, ss, meridiem] = monthFirst
    const index = monthIndex(month!)
    if (index >= 0)
      return utc(
        Number(year),
        index,
        Number(day),
        Number(hh ?? 0),
        Number(mm ?? 0),
        Number(ss ?? 0),
        meridiem,
      )
  }
  const dayFirst = DAY_FIRST.exec(text)
  if (dayFirst) {
    const [, day, month, year, hh, mm, ss, meridiem] = dayFirst
    const index = monthIndex(month!)
    if (index >= 0)
      return utc(
        Number(year),
        index,
        Number(day),
        Number(hh ?? 0),
        Number(mm ?? 0),
        Number(ss ?? 0),
        meridiem,
      )
  }
  // ISO 8601 with an offset, RFC 822 ("Fri, 18 Oct 2024 16:30:00 +0000").
  if (
    /^\d{4}-\d{2}-\d{2}T.*(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ||
    /[+-]\d{4}$|\bGMT$|\bUTC$/.test(text)
  ) {
    const time = Date.parse(text)
    return Number.isNaN(time) ? undefined : new Date(time).toISOString()
  }
  return undefined
}

/** "9:30 AM" on a given day (ISO), for "Posted by … at 9:30 AM" lines. */
export function withTime(dayIso: string, time: string): string {
  const match = /^(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?$/i.exec(time.trim())
  if (!match) return dayIso
  const day = new Date(dayIso)
  return (
    utc(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      Number(match[1]),
      Number(match[2]),
      0,
      match[3],
    ) ?? dayIso
  )
}
