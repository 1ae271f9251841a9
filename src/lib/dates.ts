/**
 * One date format for the whole admin: the panel, its history, the desk and Payload's own lists
 * (`admin.dateFormat` is the same pattern in date-fns notation). Rendered in the viewer's time zone.
 */
export const ADMIN_DATE_FORMAT = 'd MMM yyyy, HH:mm'

const formatter = (timeZone?: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  })

/** "2 Dec 2026, 09:30" in the viewer's time zone (or `timeZone`); '' for no date. */
export function formatAdminDate(
  value: string | Date | null | undefined,
  timeZone?: string,
): string {
  if (!value) return ''
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? '' : formatter(timeZone).format(date)
}

/** The viewer's time zone, e.g. "Europe/Oslo", shown beside times they pick or read. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/**
 * How long ago, in a moderator's words: "just now", "5 min ago", "3 h ago", "2 days ago"; past a
 * week the date itself. '' for no date.
 */
export function formatAge(
  value: string | Date | null | undefined,
  now: Date = new Date(),
  timeZone?: string,
): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  const days = Math.floor(hours / 24)
  if (days < 8) return days === 1 ? '1 day ago' : `${days} days ago`
  return formatAdminDate(date, timeZone)
}
