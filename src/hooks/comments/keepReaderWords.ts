import type { FieldHook } from 'payload'

import { refuse } from '../../lib/refuse'

const WORDS: Record<string, string> = { authorName: 'name', authorEmail: 'email', body: 'text' }

// The admin's form sends an empty email as '' where none is stored.
const given = (value: unknown) => (value === undefined || value === '' ? null : value)

/**
 * A reader's name, email and text are theirs: no one changes them after posting, moderators
 * included (they approve, reject or mark spam instead). Sending the stored value again is fine, as
 * the admin's form does; changing it is refused with a 403 rather than silently dropped.
 * Server code (overrideAccess) keeps its say, as with every rule here.
 */
export const keepReaderWords: FieldHook = ({
  field,
  operation,
  overrideAccess,
  previousValue,
  value,
}) => {
  if (operation !== 'update' || overrideAccess || given(value) === given(previousValue))
    return value
  const word = ('name' in field && field.name && WORDS[field.name]) || 'words'
  throw refuse(
    403,
    `A comment's ${word} is the reader's own and cannot be changed; approve, reject or mark it as spam instead.`,
  )
}
