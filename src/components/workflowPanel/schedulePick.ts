/** What is wrong with the time picked for a scheduled publication, in plain words; null if nothing. */
export function schedulePickProblem(picked: Date | null | undefined, now: Date): string | null {
  if (!picked || Number.isNaN(picked.getTime())) return 'Pick a date and time to publish.'
  if (picked.getTime() <= now.getTime()) return 'Pick a time in the future.'
  return null
}
