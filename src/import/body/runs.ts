import type { Run } from '../types'

export const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const

export const isBreak = (run: Run): run is { br: true } => 'br' in run

/** The text of runs, a line break counting as one newline (offsets match `sliceRuns`). */
export const runsText = (runs: Run[]): string =>
  runs.map((run) => (isBreak(run) ? '\n' : run.text)).join('')

/** The runs covering [start, end) of `runsText(runs)`, formats and links kept. */
export function sliceRuns(runs: Run[], start: number, end: number): Run[] {
  const out: Run[] = []
  let at = 0
  for (const run of runs) {
    const length = isBreak(run) ? 1 : run.text.length
    const from = Math.max(start, at)
    const to = Math.min(end, at + length)
    if (from < to)
      out.push(isBreak(run) ? run : { ...run, text: run.text.slice(from - at, to - at) })
    at += length
  }
  return out
}

/**
 * Tidies a paragraph's runs: whitespace collapsed (outside code), trimmed at both ends and around
 * line breaks, neighbours with the same format and link merged, empty runs dropped.
 */
export function tidyRuns(runs: Run[], { keepWhitespace = false } = {}): Run[] {
  const merged: Run[] = []
  for (const run of runs) {
    const next =
      isBreak(run) || keepWhitespace ? run : { ...run, text: run.text.replace(/[\s\u00a0]+/g, ' ') }
    const last = merged.at(-1)
    if (
      last &&
      !isBreak(last) &&
      !isBreak(next) &&
      last.format === next.format &&
      last.link === next.link
    ) {
      merged[merged.length - 1] = { ...last, text: last.text + next.text }
    } else merged.push(next)
  }
  if (keepWhitespace) return merged.filter((run) => isBreak(run) || run.text)
  // Trim at the edges and next to breaks; a space between two runs is kept once.
  for (let i = 0; i < merged.length; i++) {
    const run = merged[i]!
    if (isBreak(run)) continue
    const before = merged[i - 1]
    const previousText = [...merged.slice(0, i)].reverse().find((r) => !isBreak(r)) as
      { text: string } | undefined
    let text = run.text
    if (!before || isBreak(before) || !previousText || /\s$/.test(previousText.text))
      text = text.replace(/^\s+/, '')
    const after = merged[i + 1]
    if (!after || isBreak(after)) text = text.replace(/\s+$/, '')
    merged[i] = { ...run, text }
  }
  const kept = merged.filter((run) => isBreak(run) || run.text)
  while (kept.length && isBreak(kept[0]!)) kept.shift()
  while (kept.length && isBreak(kept.at(-1)!)) kept.pop()
  return kept
}

export const hasText = (runs: Run[]): boolean =>
  runs.some((run) => !isBreak(run) && run.text.trim())

export const plainRuns = (text: string): Run[] => [{ text, format: 0 }]
