/** A field of Payload's form state, as far as saving it is concerned. */
export type FieldState = { valid?: boolean; errorMessage?: string; passesCondition?: boolean }

export type SaveStatus =
  { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; reason: string }

/** "Title: This value must be shorter than …", one per invalid field, in form order. */
export function fieldProblems(
  fields: Record<string, FieldState | undefined>,
  labelOf: (path: string) => string,
): string[] {
  return Object.entries(fields).flatMap(([path, field]) =>
    field && field.valid === false && field.passesCondition !== false
      ? [`${labelOf(path)}: ${field.errorMessage ?? 'this value is not valid.'}`]
      : [],
  )
}

export const REFUSED_REASON = 'the server refused the last save (its message is in the notice).'

/**
 * Where the edits on screen stand. Invalid fields come first: Payload's autosave skips a form it
 * knows to be invalid and keeps saying "Saving…" or "Last saved", while nothing is stored.
 */
export function saveStatusOf(input: {
  modified: boolean
  saving: boolean
  problems: readonly string[]
  /** The last save was answered with an error no field carries (a 403, say). */
  refused: boolean
}): SaveStatus {
  if (input.problems.length) return { kind: 'failed', reason: input.problems.join(' ') }
  if (input.saving) return { kind: 'saving' }
  if (input.refused && input.modified) return { kind: 'failed', reason: REFUSED_REASON }
  return input.modified ? { kind: 'unsaved' } : { kind: 'saved' }
}
